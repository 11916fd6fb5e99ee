/**
 * Random: the full path `chooseHost()` and the bare policy pick, one `rng.next()` and
 * `modU64(hi, lo, n)` into an Int32Array of hosts, on a seeded Rng from the library.
 */
import { createSeededRng, modU64, randomConfig } from '../../src/index.js';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { hostIndices } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { libraryLb } from './library-lb.js';

export function randomCases(n: number): BenchCase[] {
  const lb = libraryLb(n, false, randomConfig());
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
      host = hosts[modU64(rng.hi, rng.lo, n)];
      acc += host;
    }
    consume(acc);
    return host;
  };

  return [
    {
      id: caseId('full', 'random', n),
      label: 'Random full path',
      kind: 'full',
      hosts: n,
      run: full,
    },
    {
      id: caseId('bare', 'random', n),
      label: 'Random bare pick',
      kind: 'bare',
      hosts: n,
      run: bare,
    },
  ];
}
