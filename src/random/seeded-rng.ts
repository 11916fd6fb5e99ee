/**
 * A seeded, reproducible Rng (xoroshiro128+ from `pure-rand`, two 32-bit outputs per uint64),
 * with named streams so that independent consumers never share draws.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Rng } from './rng.js';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** FNV-1a over the stream name, mixed into the seed so each named stream is independent. */
function streamSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193);
  }
  return Math.imul(h ^ (seed >>> 16), 0x85ebca6b) ^ Math.trunc(seed / 4294967296);
}

/** A reproducible uint64 stream; the same seed and stream name give the same draws everywhere. */
export class SeededRng implements Rng {
  hi = 0;
  lo = 0;
  readonly #gen: Generator;

  constructor(seed: number, stream = '') {
    this.#gen = xoroshiro128plus(streamSeed(seed, stream));
  }

  next(): void {
    this.hi = this.#gen.next() >>> 0;
    this.lo = this.#gen.next() >>> 0;
  }
}

/** A seeded Rng for the named stream (e.g. `"lb"`, `"runtime"`). */
export function createSeededRng(seed: number, stream = ''): SeededRng {
  return new SeededRng(seed, stream);
}
