// When to analyze a document after it changed.
//
// An edit is analyzed at once — two turns of the event loop later, so every didChange that is
// already queued (vscode-jsonrpc handles one message per turn) is applied first and a burst that
// piled up behind a running analysis is analyzed once, at its last version. No timer delay is
// added, so small and medium files are instant.
//
// Only a document whose analysis is expensive (≥ EXPENSIVE_MS) gets a trailing delay while edits
// keep arriving faster than it can be analyzed (the previous edit came less than two analysis
// costs ago, or a run is pending): the delay equals the last cost, capped, and a run is never
// postponed by more than MAX_WAIT_MS.
import { performance } from 'perf_hooks';

export const EXPENSIVE_MS = 30;
export const MAX_DELAY_MS = 100;
export const MAX_WAIT_MS = 250;

/** `continue`: the last analysis ran out of its time budget and goes on with the same version. */
export type Trigger = 'open' | 'change' | 'refresh' | 'continue';

export class DocumentScheduler {
  private cancel: (() => void) | undefined;
  private firstPendingAt: number | undefined;
  private lastChangeAt = -Infinity;
  private lastCost = 0;

  constructor(private readonly run: () => void) {}

  get pending(): boolean {
    return this.cancel !== undefined;
  }

  schedule(trigger: Trigger): void {
    const now = performance.now();
    const wasPending = this.cancel !== undefined;
    this.clear();
    if (this.firstPendingAt === undefined) this.firstPendingAt = now;
    let delay = 0;
    if (trigger === 'change') {
      const sincePrevious = now - this.lastChangeAt;
      this.lastChangeAt = now;
      if (this.lastCost >= EXPENSIVE_MS && (wasPending || sincePrevious < 2 * this.lastCost)) {
        delay = Math.min(MAX_DELAY_MS, Math.ceil(this.lastCost));
        if (now + delay - this.firstPendingAt > MAX_WAIT_MS) delay = 0;
      }
    }
    const fire = (): void => {
      this.cancel = undefined;
      this.firstPendingAt = undefined;
      this.run();
    };
    if (delay > 0) {
      const handle = setTimeout(fire, delay);
      this.cancel = () => clearTimeout(handle);
      return;
    }
    let second: NodeJS.Immediate | undefined;
    const first = setImmediate(() => {
      second = setImmediate(fire);
    });
    this.cancel = () => {
      clearImmediate(first);
      if (second) clearImmediate(second);
    };
  }

  /** Called by the runner with what one analysis cost. */
  record(cost: number): void {
    this.lastCost = cost;
  }

  clear(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  dispose(): void {
    this.clear();
    this.firstPendingAt = undefined;
  }
}
