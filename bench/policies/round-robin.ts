/**
 * Unweighted round robin (all weights 1): the full path `chooseHost()` and the bare policy pick,
 * a uint64 index (two uint32 halves in a Uint32Array, starting at the construction draw as the
 * library does) incremented per pick and reduced with `modU64` into an Int32Array of hosts.
 */
import { modU64, roundRobinConfig } from '../../src/index.js';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { hostIndices } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { constructionDraw, libraryLb } from './library-lb.js';

export function roundRobinCases(n: number): BenchCase[] {
  const lb = libraryLb(n, false, roundRobinConfig());
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
  const { hi, lo } = constructionDraw();
  const index = Uint32Array.of(hi, lo);
  const bare = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = hosts[modU64(index[0], index[1], n)];
      index[1]++;
      if (index[1] === 0) index[0]++;
      acc += host;
    }
    consume(acc);
    return host;
  };

  return [
    { id: caseId('full', 'rr', n), label: 'RR full path', kind: 'full', hosts: n, run: full },
    { id: caseId('bare', 'rr', n), label: 'RR bare pick', kind: 'bare', hosts: n, run: bare },
  ];
}
