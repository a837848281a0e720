// A suite that may have to be skipped (the shared corpus or an editor is not on this machine).
// Node 20's runner counts a skipped `describe` as 0 skipped tests, so a missing corpus would be
// invisible in the summary; a skipped suite is registered as one skipped test instead, with the
// reason, and so shows in the `skipped` count.
import { describe, test } from 'node:test';

/** `describe(name, body)`, or one skipped test named `name` when `skipReason` is a string. */
export function suiteUnless(name, skipReason, body) {
  if (typeof skipReason === 'string' && skipReason.length > 0) {
    test(name, { skip: skipReason }, () => {});
    return;
  }
  describe(name, body);
}
