// Small statistics helpers (nearest-rank percentiles: every figure is a measured sample).
export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function summarize(values) {
  if (values.length === 0) return { n: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  return {
    n: values.length,
    median: percentile(values, 50),
    p90: percentile(values, 90),
    p99: percentile(values, 99),
    max: Math.max(...values),
    min: Math.min(...values),
    mean: sum / values.length,
  };
}

export const round = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? value : Math.round(value * 10 ** digits) / 10 ** digits);
