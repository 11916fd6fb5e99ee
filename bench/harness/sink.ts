/**
 * A sink for picked host indices, so the optimizer cannot drop the picks being timed. Every case
 * folds its picks into a local sum and hands it here once per batch; the run prints the total.
 */

let sink = 0;

/** Folds a batch's sum of picked hosts into the sink. */
export function consume(value: number): void {
  sink = (sink + value) | 0;
}

/** The folded value, printed at the end of the run. */
export function sinkValue(): number {
  return sink;
}
