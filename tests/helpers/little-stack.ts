import { ReportReadError } from '../../src/pipeline/report-read-error.ts';

/**
 * Calls `fn` with less and less of the call stack left, from almost none, until it returns or throws anything
 * but a bare stack overflow (named by its file or not): so a step that can still exhaust the stack is made to.
 */
export function withLittleStack<T>(fn: () => T): { value: T } | { error: unknown } {
  let outcome: { value: T } | { error: unknown } | undefined;
  const descend = (): void => {
    try {
      descend();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    if (outcome) return;
    try {
      outcome = { value: fn() };
    } catch (error) {
      const overflow = error instanceof RangeError || (error instanceof Error && error.cause instanceof RangeError && !(error.cause instanceof ReportReadError));
      if (!overflow) outcome = { error };
    }
  };
  descend();
  return outcome!;
}

