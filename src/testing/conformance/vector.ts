/**
 * The conformance vector format of ../shared/conformance (one JSON file holds `vectors[]`), and
 * the outcome of running one vector.
 */

/** One vector as read from JSON; each area interprets `inputs`, `ops` and `expected` its own way. */
export interface Vector {
  readonly id: string;
  readonly area: string;
  readonly source?: {
    readonly file?: string;
    readonly commit?: string;
    readonly test?: string;
    readonly step?: string;
  };
  readonly inputs?: Record<string, unknown>;
  readonly ops?: readonly Record<string, unknown>[];
  readonly expected?: Record<string, unknown>;
}

export type VectorStatus = 'passed' | 'failed' | 'unsupported';

export interface VectorResult {
  readonly id: string;
  readonly area: string;
  readonly status: VectorStatus;
  /** What differed, or why the vector cannot run; empty when it passed. */
  readonly detail: string;
}

/** Thrown inside an area runner to report a difference from Envoy. */
export class Mismatch extends Error {}

/** Thrown inside an area runner for an op or field it cannot interpret yet. */
export class Unsupported extends Error {}

/** Fails the vector unless `actual` deep-equals `expected`. */
export function expectEqual(what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Mismatch(`${what}: expected ${e}, got ${a}`);
}

/** Fails unless two numbers agree to a relative tolerance. */
export function expectClose(
  what: string,
  actual: number,
  expected: number,
  tolerance = 1e-9,
): void {
  if (Math.abs(actual - expected) > tolerance * Math.max(1, Math.abs(expected))) {
    throw new Mismatch(`${what}: expected ${expected}, got ${actual}`);
  }
}
