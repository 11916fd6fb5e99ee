/**
 * Weighted round robin (weights 1..5 cycling, so the library uses its EDF scheduler): the full
 * path `chooseHost()` and the bare policy pick, `EdfScheduler.pickAndAdd(weightOf)` on a
 * scheduler from `EdfScheduler.createWithPicks` seeded with the same construction draw.
 */
import { EdfScheduler, roundRobinConfig } from '../../src/index.js';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { hostIndices, hostWeights } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { constructionDraw, libraryLb } from './library-lb.js';

export function weightedRoundRobinCases(n: number): BenchCase[] {
  const lb = libraryLb(n, true, roundRobinConfig());
  const full = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = lb.chooseHost();
      acc += host;
    }
    consume(acc);
    return host;
  };

  const weights = hostWeights(n, true);
  const weightOf = (host: number): number => weights[host];
  const seed = constructionDraw();
  const edf = EdfScheduler.createWithPicks(hostIndices(n), weightOf, seed.hi, seed.lo);
  const bare = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = edf.pickAndAdd(weightOf);
      acc += host;
    }
    consume(acc);
    return host;
  };

  return [
    { id: caseId('full', 'wrr', n), label: 'WRR full path', kind: 'full', hosts: n, run: full },
    { id: caseId('bare', 'wrr', n), label: 'WRR bare EDF', kind: 'bare', hosts: n, run: bare },
  ];
}
