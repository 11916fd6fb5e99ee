import { describe, expect, it } from 'vitest';
import { ScriptedRng, createSeededRng, u64ToDecimal } from '../../src/index.js';
import type { Rng } from '../../src/index.js';

function draws(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => {
    rng.next();
    return u64ToDecimal(rng.hi, rng.lo);
  });
}

describe('Rng', () => {
  it('a seed and stream name always give the same uint64 sequence', () => {
    expect(draws(createSeededRng(7, 'lb'), 5)).toEqual(draws(createSeededRng(7, 'lb'), 5));
  });

  it('different streams and seeds are independent', () => {
    const lb = draws(createSeededRng(7, 'lb'), 5);
    expect(draws(createSeededRng(7, 'runtime'), 5)).not.toEqual(lb);
    expect(draws(createSeededRng(8, 'lb'), 5)).not.toEqual(lb);
  });

  it('a scripted Rng replays its script, then the default, and counts draws', () => {
    const rng = new ScriptedRng(1, [2, '18446744073709551615']);
    expect(draws(rng, 4)).toEqual(['2', '18446744073709551615', '1', '1']);
    expect(rng.draws).toBe(4);
    rng.script([9]);
    expect(rng.pending).toBe(1);
    expect(draws(rng, 1)).toEqual(['9']);
    expect(rng.pending).toBe(0);
  });
});
