/**
 * `npm run bench:hashing [-- FILTER]`: the consistent-hashing benchmarks in one tinybench run —
 * Maglev and ring-hash picks from a precomputed hash beside their lower bounds, string → 64-bit
 * hash (pure-JS XXH64 vs xxhash-wasm, plus a key-length sweep), and hashring 3.2.0 beside the
 * library's string → ring pick — then the table, the ratios and the targets; then table-build
 * times in a second, short run. FILTER keeps the cases whose id contains it (`maglev/`, `ring/`,
 * `hash/`, `sweep/`, `peer/`); FILTER `build` runs only the builds, which otherwise run only
 * without a filter.
 */
import { Bench } from 'tinybench';
import xxhash from 'xxhash-wasm';
import { initHashing } from '../../src/index.js';
import { BATCH } from '../harness/bench-case.js';
import { collectTimings } from '../harness/checks.js';
import { sinkValue } from '../harness/sink.js';
import { timeBuilds } from './builds.js';
import { requestHashes } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';
import { hashringCases } from './hashring-peer.js';
import { maglevCases } from './maglev.js';
import { printBuilds, printRatios, printTable } from './report.js';
import { ringCases } from './ring.js';
import { stringHashCases, sweepCases } from './string-hash.js';

const TIME_MS = 250;
const WARMUP_MS = 100;

async function allCases(filter: string): Promise<HashingCase[]> {
  if (isBuildFilter(filter)) return [];
  const hashes = requestHashes();
  const wasm = await xxhash();
  // The library's own string hashing routes keys of 16 bytes or more through xxhash-wasm once loaded.
  await initHashing();
  const cases = [
    ...maglevCases(hashes),
    ...ringCases(hashes),
    ...stringHashCases(wasm),
    ...sweepCases(wasm),
    ...hashringCases(),
  ];
  return cases.filter((c) => c.id.includes(filter));
}

function isBuildFilter(filter: string): boolean {
  return filter !== '' && 'build'.startsWith(filter);
}

/** Every pick case must pick a real host before it is timed. */
function checkPicks(cases: readonly HashingCase[]): void {
  for (const c of cases) {
    const value = c.run();
    if (c.hosts > 0 && !(Number.isInteger(value) && value >= 0 && value < c.hosts)) {
      throw new Error(`${c.id} picked ${value}, not a host index below ${c.hosts}`);
    }
  }
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const cases = await allCases(filter);
  checkPicks(cases);

  if (cases.length > 0) {
    const bench = new Bench({ name: 'hashing', time: TIME_MS, warmupTime: WARMUP_MS });
    for (const c of cases) bench.add(c.id, c.run);
    console.log(
      `node ${process.version}, ${cases.length} cases, ${BATCH} operations per sample, ` +
        `${TIME_MS} ms per case (+${WARMUP_MS} ms warmup)\n`,
    );
    await bench.run();

    const timings = collectTimings(bench, BATCH);

    printTable(cases, timings);
    const missed = printRatios(timings);
    console.log(`\n${missed} target(s) missed; sink ${sinkValue()}`);
  }

  if (filter === '' || isBuildFilter(filter)) printBuilds(await timeBuilds());
  else if (cases.length === 0) console.log(`hashing suite: no case id contains '${filter}'`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
