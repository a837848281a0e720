// Quick-fix contract violations that are known, each with its cause. The fixes are made by rule
// modules owned elsewhere; the property reports anything not listed here. Remove an entry once
// its cause is fixed. Most entries are fixes that *reveal* an error the original text hid (the
// fix makes a part checkable that was not), not fixes that break the text.
export const KNOWN_FIX_VIOLATIONS = [
  {
    ruleId: /^api-version-(removed|unknown)$/,
    problem: /^new error /,
    reason: 'reveals: an apiVersion/kind no version serves is not schema-checked; moving it to a served one checks the whole object for the first time',
  },
  {
    ruleId: /^schema-unknown-field$/,
    title: /^Rename to /,
    problem: /^new error /,
    reason: 'reveals: once the key is spelled right its value is checked (RestartPolicy: Once → restartPolicy: Once is an invalid value)',
  },
  {
    ruleId: /^schema-unknown-field$/,
    title: /^Remove /,
    problem: /^new error (schema-required|[a-z-]+-spec-invalid) /,
    reason:
      'the unknown key is a misspelling of a required field (scaleTaretRef, an Ingress backend\'s "s ervice"): removing it leaves the field missing, ' +
      'which the schema (schema-required) or an API rule (ingress-spec-invalid: a backend needs a service) reports; the Rename fix is the right one',
  },
  {
    ruleId: /^schema-type$/,
    title: /^(Quote the value|Make it a list|Remove the quotes)/,
    problem: /^new error /,
    reason:
      'reveals: the value now has the right type and is checked for its content and meaning (`name: .nan` quoted is a string but not a ' +
      'valid container name; a volumeMount name `-0` quoted names no volume)',
  },
];

export function isKnownFixViolation(violation) {
  return KNOWN_FIX_VIOLATIONS.some((known) => known.ruleId.test(violation.ruleId) && (!known.title || known.title.test(violation.title)) && known.problem.test(violation.problem));
}
