// A wall-clock budget for one analysis. The engine is synchronous, so an editor cannot interrupt
// it; instead the analyzer asks the budget between documents, between the rules of a document and
// before the cross-document checks, and stops when it is spent. What was done stays cached, so
// the next call continues where this one stopped.
//
// Progress is guaranteed: the first document a call has to check is always checked to the end,
// and a call with no document left to check always runs the cross-document checks. So repeated
// calls on the same text finish, however small the budget.

export interface BudgetOptions {
  /** Milliseconds this call may spend; undefined: no limit. */
  budgetMs?: number;
  /** The clock, in milliseconds; `performance.now` by default (tests inject their own). */
  clock?: () => number;
  /** The last sentence of the note when the budget runs out; the editor's by default. */
  budgetNote?: string;
}

export class AnalysisBudget {
  private readonly clock: () => number;
  private readonly started: number;
  /** Documents this call checked (parsed or ran rules on); until one is, nothing stops. */
  private worked = false;

  constructor(private readonly options: BudgetOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.started = options.budgetMs === undefined ? 0 : this.clock();
  }

  get limitMs(): number | undefined {
    return this.options.budgetMs;
  }

  get note(): string | undefined {
    return this.options.budgetNote;
  }

  /** Called after a document was checked (parsed and/or its rules run) by this call. */
  recordWork(): void {
    this.worked = true;
  }

  get didWork(): boolean {
    return this.worked;
  }

  /** True when this call has done some work and its time is up. */
  spent(): boolean {
    if (this.options.budgetMs === undefined || !this.worked) return false;
    return this.elapsed() >= this.options.budgetMs;
  }

  elapsed(): number {
    return this.options.budgetMs === undefined ? 0 : this.clock() - this.started;
  }
}

/** What the editor adds to the budget note: the analysis goes on by itself. */
export const EDITOR_BUDGET_NOTE = 'They run with the next analysis (typing stays responsive); what was checked is kept.';

/**
 * The one `yaml-limit` info an unfinished analysis carries: a short message (how long, how much
 * was left) and the detail (which documents, what happens next: `note`).
 */
export function budgetMessage(
  elapsedMs: number,
  budgetMs: number,
  notChecked: number,
  total: number,
  firstLine: number | undefined,
  note = EDITOR_BUDGET_NOTE,
): { message: string; detail: string } {
  const ms = (n: number): string => Math.round(n).toLocaleString('en-US');
  const left = notChecked > 0 ? `${notChecked.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} documents not checked` : 'cross-document checks not run';
  const from = firstLine === undefined ? '' : ` (the first from line ${(firstLine + 1).toLocaleString('en-US')})`;
  const skipped =
    notChecked > 0
      ? `${notChecked.toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} documents${from} and the checks across documents were`
      : 'the checks across documents were';
  return {
    message: `Checking stopped after ${ms(elapsedMs)} ms (limit ${ms(budgetMs)} ms per file): ${left}`,
    detail: `The limit is ${ms(budgetMs)} ms per file: ${skipped} not run. ${note}`,
  };
}
