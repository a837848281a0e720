// Quick-fix contract violations that are known, each with its cause. The fixes are made by rule
// modules owned elsewhere; the property reports anything not listed here. Remove an entry once
// its cause is fixed. Most entries are fixes that *reveal* an error the original text hid (the
// fix makes a part checkable that was not), not fixes that break the text.
export const KNOWN_FIX_VIOLATIONS = [
  {
    ruleId: /.*/,
    problem: /^new error containers-empty /,
    reason:
      'containers-empty (and schema-required) do not report a Pod spec that has fields but no `containers`, which the API server ' +
      'rejects; a fix that deletes the last field of such a spec (Remove hostIPC, Remove restartPolicy…) makes the empty spec visible. ' +
      'Repro: a Deployment whose template spec is only `hostIPC: true` has no error at all.',
  },
  {
    ruleId: /^api-version-(removed|unknown)$/,
    problem: /^new error /,
    reason:
      'reveals: an apiVersion/kind no version serves is not schema-checked; moving it to a served one checks the whole object for the first time',
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
    problem: /^new error schema-required /,
    reason: 'the unknown key is a misspelling of a required field (scaleTaretRef): removing it leaves the required field missing; the Rename fix is the right one',
  },
  {
    ruleId: /^schema-type$/,
    title: /^(Quote the value|Make it a list|Remove the quotes)/,
    problem: /^new error /,
    reason:
      'reveals: the value now has the right type and is checked for its content and meaning (`name: .nan` quoted is a string but not a ' +
      'valid container name; a volumeMount name `-0` quoted names no volume)',
  },
  {
    ruleId: /^(workload-selector-(mismatch|missing)|service-selector-no-match)$/,
    problem: /^new error meta-label-invalid /,
    reason: 'the fix copies labels between selector and template, including a label that is already invalid (a key with a leading no-break space)',
  },
  {
    ruleId: /^volume-mount-unknown-volume$/,
    title: /^Add an emptyDir volume named /,
    problem: /^new error volume-name-invalid /,
    reason: 'the fix adds a volume named after the mount even when that name is not a valid volume name (`name: c onfig`)',
  },
  {
    ruleId: /^port-duplicate-definition$/,
    title: /^Remove this duplicate port entry$/,
    problem: /^new error probe-named-port-undeclared /,
    reason:
      'BUG: the fix removes the second declaration of a port even when that entry has a name its own container\'s probe uses ' +
      '(containers a and b both declare 9999/TCP, b names it "metrics" and probes `port: metrics`: removing b\'s entry breaks the probe). ' +
      'It also treats an invalid protocol (`.nan`) as TCP.',
  },
];

export function isKnownFixViolation(violation) {
  return KNOWN_FIX_VIOLATIONS.some(
    (known) => known.ruleId.test(violation.ruleId) && (!known.title || known.title.test(violation.title)) && known.problem.test(violation.problem),
  );
}
