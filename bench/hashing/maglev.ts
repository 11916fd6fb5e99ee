/**
 * Maglev picks from a precomputed request hash, over 100 hosts and the default 65 537-entry
 * table: `MaglevTable.chooseHost(hi, lo, 0)` alone, the full balancer `lb.chooseHost({ hash })`
 * with one preallocated context, and the lower bound — a bare Uint32Array read at precomputed
 * slots (the slots those same hashes map to, so the memory access pattern is identical).
 */
import type { HashPickContext } from '../../src/index.js';
import { BATCH } from '../harness/bench-case.js';
import { consume } from '../harness/sink.js';
import type { RequestHashes } from './fixtures.js';
import { maglevLb } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';
import { HASHES, HASH_MASK } from './hashing-case.js';

export const MAGLEV_HOSTS = 100;

export function maglevCases(hashes: RequestHashes): HashingCase[] {
  const lb = maglevLb(MAGLEV_HOSTS);
  const table = lb.tables[0];
  const { hi, lo } = hashes;

  let i = 0;
  const tablePick = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      const j = (i + k) & HASH_MASK;
      host = table.chooseHost(hi[j], lo[j], 0);
      acc += host;
    }
    i = (i + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  const hash = { hi: 0, lo: 0 };
  const context: HashPickContext = { hash };
  let f = 0;
  const fullPick = (): number => {
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

  const values = Uint32Array.from(table.table);
  const slots = new Uint32Array(HASHES);
  for (let j = 0; j < HASHES; j++) {
    slots[j] = table.slotFor(hi[j], lo[j], 0);
    if (values[slots[j]] !== table.chooseHost(hi[j], lo[j], 0)) throw new Error('slot mismatch');
  }
  let b = 0;
  const boundRead = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = values[slots[(b + k) & HASH_MASK]];
      acc += host;
    }
    b = (b + BATCH) & HASH_MASK;
    consume(acc);
    return host;
  };

  return [
    {
      id: 'maglev/table',
      label: 'Maglev table.chooseHost',
      kind: 'lib',
      hosts: MAGLEV_HOSTS,
      run: tablePick,
    },
    {
      id: 'maglev/lb',
      label: 'Maglev lb.chooseHost({hash})',
      kind: 'lib',
      hosts: MAGLEV_HOSTS,
      run: fullPick,
    },
    {
      id: 'maglev/bound',
      label: 'bare Uint32Array read (65537)',
      kind: 'bound',
      hosts: MAGLEV_HOSTS,
      run: boundRead,
    },
  ];
}
