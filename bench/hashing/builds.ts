/**
 * Table builds, timed per build in a second, separate tinybench run with few iterations (a
 * 1M-point ring takes a few hundred ms): `buildMaglevTable` with 65 537 entries for 10 / 100 /
 * 1000 hosts, and `buildRing` for 1000 hosts at the default minimum ring size 1024 and at 2^20.
 * Inputs are what the balancers build from: normalized weights of one healthy priority and the
 * hosts' hash keys.
 */
import { Bench } from 'tinybench';
import type { NormalizedHostWeights } from '../../src/index.js';
import {
  buildMaglevTable,
  buildRing,
  hostHashKey,
  normalizeHostWeights,
  ringHashConfig,
} from '../../src/index.js';
import { prioritySetOf } from '../harness/fixtures.js';

const MAGLEV_TABLE_SIZE = 65537;

export interface BuildTiming {
  readonly label: string;
  /** Median, mean and fastest ms per build. */
  readonly medianMs: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly samples: number;
  /** Entries in the table built (the Maglev table size, or the ring's point count). */
  readonly entries: number;
}

interface BuildCase {
  readonly label: string;
  readonly run: () => number;
}

interface BuildInputs {
  readonly normalized: NormalizedHostWeights;
  readonly keys: readonly string[];
}

function inputs(n: number): BuildInputs {
  const ps = prioritySetOf(n, false);
  return {
    normalized: normalizeHostWeights(ps.hostSets[0], ps.hosts, false, false),
    keys: ps.hosts.map((h) => hostHashKey(h, false)),
  };
}

function buildCases(): BuildCase[] {
  const cases: BuildCase[] = [];
  for (const n of [10, 100, 1000]) {
    const { normalized, keys } = inputs(n);
    cases.push({
      label: `Maglev ${MAGLEV_TABLE_SIZE} entries, ${n} hosts`,
      run: () => buildMaglevTable(normalized, keys, MAGLEV_TABLE_SIZE).table.length,
    });
  }
  const { normalized, keys } = inputs(1000);
  for (const [name, minimumRingSize] of [
    ['1024', 1024],
    ['2^20', 1 << 20],
  ] as const) {
    const config = ringHashConfig({ minimumRingSize });
    cases.push({
      label: `ring, 1000 hosts, minimum ${name}`,
      run: () => buildRing(normalized, keys, config).length,
    });
  }
  return cases;
}

/** Runs every build: one warmup build, then at least 3 builds and at least 300 ms per case. */
export async function timeBuilds(): Promise<BuildTiming[]> {
  const cases = buildCases();
  const entries = cases.map((c) => c.run());
  const bench = new Bench({
    name: 'builds',
    time: 300,
    iterations: 3,
    warmupTime: 0,
    warmupIterations: 1,
  });
  for (const c of cases) bench.add(c.label, c.run);
  await bench.run();
  const timings: BuildTiming[] = [];
  bench.tasks.forEach((task, i) => {
    const result = task.result;
    if (result.state !== 'completed') {
      console.error(`${task.name}: ${result.state}`, 'error' in result ? result.error : '');
      return;
    }
    timings.push({
      label: task.name,
      medianMs: result.latency.p50,
      meanMs: result.latency.mean,
      minMs: result.latency.min,
      samples: result.latency.samplesCount,
      entries: entries[i],
    });
  });
  return timings;
}
