/**
 * Ring lookup on a ~1M-point ring (1000 hosts, minimum ring size 2^20): `Ring.chooseHost(hi, lo,
 * 0)` with precomputed random hashes, the full balancer `lb.chooseHost({ hash })` for reference,
 * the lower bound — a bare two-Uint32Array `lower_bound` over the same `ring.hashHi` /
 * `ring.hashLo` with the same hashes — and, as an experiment, the same search over an Eytzinger
 * copy of the ring.
 */
import type { HashPickContext } from '../../src/index.js';
import { BATCH } from '../harness/bench-case.js';
import { consume } from '../harness/sink.js';
import type { RequestHashes } from './fixtures.js';
import { ringLb } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';
import { HASH_MASK } from './hashing-case.js';
import { EytzingerPoints, lowerBoundU64 } from './lower-bound.js';

export const RING_HOSTS = 1000;
export const RING_MIN_SIZE: number = 1 << 20;

export function ringCases(hashes: RequestHashes): HashingCase[] {
  const lb = ringLb(RING_HOSTS, RING_MIN_SIZE);
  const ring = lb.tables[0];
  const { hi, lo } = hashes;

  let i = 0;
  const choose = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const j = (i + k) & HASH_MASK;
      host = ring.chooseHost(hi[j], lo[j], 0);
      acc += host;
    }
    i = (i + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  const hash = { hi: 0, lo: 0 };
  const context: HashPickContext = { hash };
  let f = 0;
  const full = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const j = (f + k) & HASH_MASK;
      hash.hi = hi[j];
      hash.lo = lo[j];
      host = lb.chooseHost(context);
      acc += host;
    }
    f = (f + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  const hiArr = ring.hashHi;
  const loArr = ring.hashLo;
  const hosts = ring.hosts;
  const n = hosts.length;
  let b = 0;
  const bound = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const j = (b + k) & HASH_MASK;
      const p = lowerBoundU64(hiArr, loArr, hi[j], lo[j]);
      host = hosts[p === n ? 0 : p];
      acc += host;
    }
    b = (b + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  const eytzinger = new EytzingerPoints(hiArr, loArr, hosts);
  let e = 0;
  const eytz = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const j = (e + k) & HASH_MASK;
      host = eytzinger.chooseHost(hi[j], lo[j]);
      acc += host;
    }
    e = (e + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  // The lower bounds must find the library's point for every hash.
  for (let j = 0; j < hi.length; j++) {
    const point = ring.pointFor(hi[j], lo[j]);
    const p = lowerBoundU64(hiArr, loArr, hi[j], lo[j]);
    if ((p === n ? 0 : p) !== point || eytzinger.chooseHost(hi[j], lo[j]) !== hosts[point]) {
      throw new Error(`ring lower bounds disagree with Ring.pointFor on hash #${j}`);
    }
  }

  const label = `(${n} points)`;
  return [
    {
      id: 'ring/choose',
      label: `ring.chooseHost ${label}`,
      kind: 'lib',
      hosts: RING_HOSTS,
      run: choose,
    },
    {
      id: 'ring/lb',
      label: 'ring lb.chooseHost({hash})',
      kind: 'lib',
      hosts: RING_HOSTS,
      run: full,
    },
    {
      id: 'ring/lower-bound',
      label: 'bare lower_bound, 2×Uint32Array',
      kind: 'bound',
      hosts: RING_HOSTS,
      run: bound,
    },
    {
      id: 'ring/eytzinger',
      label: 'Eytzinger search (experiment)',
      kind: 'ref',
      hosts: RING_HOSTS,
      run: eytz,
    },
  ];
}
