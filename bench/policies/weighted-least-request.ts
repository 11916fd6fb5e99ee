/**
 * Weighted least request (weights 1..5 cycling, active_request_bias 1): the full path
 * `chooseHost()` and the bare policy pick, EDF with weight / (active + 1) evaluated at every
 * re-insertion. Both start from all-zero active counts and then read the same pattern, as the
 * library's scheduler is built before the caller sets active requests.
 */
import { EdfScheduler, LeastRequestLoadBalancer, leastRequestConfig } from '../../src/index.js';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { activeRequests, hostIndices, hostWeights } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { constructionDraw, libraryLb } from './library-lb.js';

export function weightedLeastRequestCases(n: number): BenchCase[] {
  const pattern = activeRequests(n);
  const lb = libraryLb(n, true, leastRequestConfig());
  if (!(lb instanceof LeastRequestLoadBalancer)) throw new Error('expected a least-request LB');
  for (let i = 0; i < n; i++) lb.setActiveRequests(i, pattern[i]);
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
  const active = new Float64Array(n);
  const weightOf = (host: number): number => weights[host] / (active[host] + 1);
  const seed = constructionDraw();
  const edf = EdfScheduler.createWithPicks(hostIndices(n), weightOf, seed.hi, seed.lo);
  active.set(pattern);
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
    { id: caseId('full', 'wlr', n), label: 'WLR full path', kind: 'full', hosts: n, run: full },
    { id: caseId('bare', 'wlr', n), label: 'WLR bare EDF', kind: 'bare', hosts: n, run: bare },
  ];
}
