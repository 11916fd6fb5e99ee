/**
 * Unweighted round robin (all weights 1): the full path `chooseHost()` and the bare policy pick
 * as the library makes it: a position (the uint64 index modulo the host count, computed once at
 * build) read and advanced with a wrap, plus the uint64 index itself (two uint32 halves starting at
 * the construction draw) kept in step for the next rebuild.
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
  const position = Float64Array.of(modU64(hi, lo, n));
  const bare = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const pos = position[0];
      host = hosts[pos];
      position[0] = pos + 1 === n ? 0 : pos + 1;
      if (++index[1] === 0) index[0]++;
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
