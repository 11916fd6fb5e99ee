/**
 * An Rng that replays the values Envoy's unit tests make their mocked `random()` return: a queue
 * of scripted values, then a default for every other call (gmock's NiceMock default is 0).
 */
import { u64Halves } from '../hash/u64.js';
import type { Rng } from './rng.js';

/** A uint64 as Envoy's tests write it: a decimal string, a safe integer or a bigint. */
export type U64Input = bigint | number | string;

export class ScriptedRng implements Rng {
  hi = 0;
  lo = 0;
  /** Number of `next()` calls so far. */
  draws = 0;
  #queueHi: number[] = [];
  #queueLo: number[] = [];
  #head = 0;
  readonly #defaultHi: number;
  readonly #defaultLo: number;

  constructor(defaultValue: U64Input = 0, script: readonly U64Input[] = []) {
    [this.#defaultHi, this.#defaultLo] = u64Halves(defaultValue);
    this.script(script);
  }

  /** Replaces the queue: the next draws return these values in order, then the default. */
  script(values: readonly U64Input[]): void {
    this.#queueHi = [];
    this.#queueLo = [];
    this.#head = 0;
    for (const v of values) {
      const [hi, lo] = u64Halves(v);
      this.#queueHi.push(hi);
      this.#queueLo.push(lo);
    }
  }

  /** Scripted values not drawn yet. */
  get pending(): number {
    return this.#queueHi.length - this.#head;
  }

  next(): void {
    this.draws++;
    if (this.#head < this.#queueHi.length) {
      this.hi = this.#queueHi[this.#head];
      this.lo = this.#queueLo[this.#head];
      this.#head++;
    } else {
      this.hi = this.#defaultHi;
      this.lo = this.#defaultLo;
    }
  }
}
