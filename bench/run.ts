/**
 * `npm run bench [-- FILTER]`: every pick benchmark in one tinybench run — the library's policies
 * through the full path and as bare picks at 10, 100 and 1000 hosts, the lower bounds, and the
 * peers — then the table, the ratios and the targets. FILTER keeps the cases whose id contains it
 * (ids look like `full/wrr/1000`, `bare/p2c/10`, `bound/heap/100`, `peer/grpc-wrr/1000`).
 */
import { Bench } from 'tinybench';
import { counterReadCase, fifoHeapPopPushCase, heapPopPushCase } from './baselines/lower-bounds.js';
import type { BenchCase } from './harness/bench-case.js';
import { BATCH, SIZES } from './harness/bench-case.js';
import { collectTimings } from './harness/checks.js';
import { printRatios, printTable } from './harness/report.js';
import { sinkValue } from './harness/sink.js';
import { grpcRoundRobinCase, grpcWeightedRoundRobinCase } from './peers/grpc-pickers.js';
import { loadBalancersP2cCase } from './peers/load-balancers-p2c.js';
import { p2cCases } from './policies/least-request-p2c.js';
import { randomCases } from './policies/random.js';
import { roundRobinCases } from './policies/round-robin.js';
import { weightedLeastRequestCases } from './policies/weighted-least-request.js';
import { weightedRoundRobinCases } from './policies/weighted-round-robin.js';

const TIME_MS = 250;
const WARMUP_MS = 100;

function allCases(): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const n of SIZES) {
    cases.push(
      counterReadCase(n),
      ...roundRobinCases(n),
      grpcRoundRobinCase(n),
      heapPopPushCase(n),
      fifoHeapPopPushCase(n),
      ...weightedRoundRobinCases(n),
      grpcWeightedRoundRobinCase(n),
      ...randomCases(n),
      ...p2cCases(n),
      loadBalancersP2cCase(n),
      ...weightedLeastRequestCases(n),
    );
  }
  return cases;
}

/** Every case must pick a real host before it is timed. */
function checkPicks(cases: readonly BenchCase[]): void {
  for (const c of cases) {
    const host = c.run();
    if (!(Number.isInteger(host) && host >= 0 && host < c.hosts)) {
      throw new Error(`${c.id} picked ${host}, not a host index below ${c.hosts}`);
    }
  }
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const cases = allCases().filter((c) => c.id.includes(filter));
  checkPicks(cases);

  const bench = new Bench({ name: 'picks', time: TIME_MS, warmupTime: WARMUP_MS });
  for (const c of cases) bench.add(c.id, c.run);
  console.log(
    `node ${process.version}, ${cases.length} cases, ${BATCH} picks per sample, ` +
      `${TIME_MS} ms per case (+${WARMUP_MS} ms warmup)\n`,
  );
  await bench.run();

  const timings = collectTimings(bench, BATCH);

  printTable(cases, timings);
  const missed = printRatios(timings);
  console.log(`\n${missed} target(s) missed; sink ${sinkValue()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
