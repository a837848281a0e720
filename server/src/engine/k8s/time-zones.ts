// Whether a time zone name is in the IANA tz database, as the API server's time.LoadLocation reads
// it (kube-apiserver embeds the database). The JavaScript runtime's Intl knows the same database
// (ICU's copy, with the backward-compatible aliases such as US/Pacific); a runtime built without
// time zone data would know none, and then nothing is judged. ICU matches names case-insensitively
// where Go does not, so a name must also have the case of a database name (a capital or a digit
// after each slash and at the start). https://www.iana.org/time-zones
// https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones

let runtimeKnowsZones: boolean | undefined;

function accepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True when the name is a zone of the tz database; undefined when this runtime cannot tell. */
export function isKnownTimeZone(name: string): boolean | undefined {
  runtimeKnowsZones ??= accepts('America/New_York') && accepts('Europe/Berlin');
  if (!runtimeKnowsZones) return undefined;
  if (!/^[A-Z0-9]/.test(name) || name.split('/').some((part) => !/^[A-Z0-9]/.test(part))) return accepts(name) && /^(UTC|GMT|UCT|Zulu|Etc\/[A-Za-z0-9+-]+)$/.test(name);
  return accepts(name);
}
