/**
 * Runs one conformance vector through the public API and reports passed, failed (with what
 * differed) or unsupported (with why).
 */
import { runEdfVector } from './edf-vectors.js';
import {
  runBoundedLoadVector,
  runHashVector,
  runMaglevVector,
  runRingHashVector,
} from './hashing-vectors.js';
import { runLbScenarioVector } from './lb-scenario-vectors.js';
import { runLocalityWrrVector } from './locality-wrr-vectors.js';
import { runPriorityLoadVector } from './priority-load-vectors.js';
import type { Vector, VectorResult } from './vector.js';
import { Mismatch, Unsupported } from './vector.js';

const RUNNERS: Readonly<Record<string, (vector: Vector) => void>> = {
  priority_load: runPriorityLoadVector,
  edf: runEdfVector,
  edf_slow_start: runEdfVector,
  locality_wrr: runLocalityWrrVector,
  round_robin: runLbScenarioVector,
  least_request: runLbScenarioVector,
  random: runLbScenarioVector,
  zone_aware: runLbScenarioVector,
  hash: runHashVector,
  ring_hash: runRingHashVector,
  maglev: runMaglevVector,
  bounded_load: runBoundedLoadVector,
};

/** Areas this version of the library can run. */
export const SUPPORTED_AREAS: readonly string[] = Object.freeze(Object.keys(RUNNERS));

export function runVector(vector: Vector): VectorResult {
  const base = { id: String(vector.id), area: String(vector.area) };
  const runner = RUNNERS[vector.area];
  if (!runner)
    return { ...base, status: 'unsupported', detail: `area "${vector.area}" is not modelled yet` };
  try {
    runner(vector);
    return { ...base, status: 'passed', detail: '' };
  } catch (error) {
    if (error instanceof Unsupported)
      return { ...base, status: 'unsupported', detail: error.message };
    if (error instanceof Mismatch) return { ...base, status: 'failed', detail: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'failed', detail: `malformed vector or library error: ${message}` };
  }
}
