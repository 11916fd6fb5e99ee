/**
 * Least request, unweighted (all weights 1, choice_count 2: power of two choices): the full path
 * `chooseHost()` and the bare policy pick, two draws reduced with `modU64` and a compare of the
 * sampled hosts' active request counts in a Float64Array (first sample wins ties, as in Envoy).
 */
import {
  LeastRequestLoadBalancer,
  createSeededRng,
  leastRequestConfig,
  modU64,
} from '../../src/index.js';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { activeRequests, hostIndices } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { libraryLb } from './library-lb.js';

export function p2cCases(n: number): BenchCase[] {
  const active = activeRequests(n);
  const lb = libraryLb(n, false, leastRequestConfig({ choiceCount: 2 }));
  if (!(lb instanceof LeastRequestLoadBalancer)) throw new Error('expected a least-request LB');
  for (let i = 0; i < n; i++) lb.setActiveRequests(i, active[i]);
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

  const hosts = hostIndices(n);
  const rng = createSeededRng(1);
  const bare = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      rng.next();
      const first = hosts[modU64(rng.hi, rng.lo, n)];
      rng.next();
      const second = hosts[modU64(rng.hi, rng.lo, n)];
      host = active[second] < active[first] ? second : first;
      acc += host;
    }
    consume(acc);
    return host;
  };

  return [
    { id: caseId('full', 'p2c', n), label: 'P2C full path', kind: 'full', hosts: n, run: full },
    { id: caseId('bare', 'p2c', n), label: 'P2C bare pick', kind: 'bare', hosts: n, run: bare },
  ];
}
