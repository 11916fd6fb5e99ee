/**
 * The 32-bit Mersenne Twister `std::mt19937`, as bounded-load hashing seeds it with the request
 * hash to choose its probe order, and `std::uniform_int_distribution`'s draw in [0, k) as
 * libstdc++ makes it (x = output / floor(2^32 / k), retried until x < k).
 * Worked example: default seed 5489 → first output 3499211612.
 */

const N = 624;
const M = 397;

export class Mt19937 {
  readonly #state = new Uint32Array(N);
  #index = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** Re-seeds in place (C++ `seed(s)`: the low 32 bits of s). */
  seed(seed: number): void {
    const s = this.#state;
    s[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = s[i - 1] ^ (s[i - 1] >>> 30);
      s[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.#index = N;
  }

  /** The next 32-bit output. */
  next(): number {
    if (this.#index >= N) this.#twist();
    let y = this.#state[this.#index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform integer in [0, k) for 1 <= k <= 2^32, as libstdc++ draws it. */
  uniform(k: number): number {
    const scale = Math.floor(4294967296 / k);
    for (;;) {
      const x = Math.floor(this.next() / scale);
      if (x < k) return x;
    }
  }

  #twist(): void {
    const s = this.#state;
    for (let i = 0; i < N; i++) {
      const y = (s[i] & 0x80000000) | (s[(i + 1) % N] & 0x7fffffff);
      s[i] = s[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.#index = 0;
  }
}

/**
 * One step of the Fisher–Yates walk bounded load probes hosts with: swaps `order[i]` with a
 * uniformly drawn `order[i + j]`, j in [0, n − i), and returns the new `order[i]`.
 */
export function fisherYatesStep(mt: Mt19937, order: Int32Array, i: number): number {
  const j = mt.uniform(order.length - i);
  const picked = order[i + j];
  order[i + j] = order[i];
  order[i] = picked;
  return picked;
}

/** The full probe order for a seed over n hosts (seed 2, n 5 → 2, 1, 0, 4, 3). */
export function probeOrder(seed: number, n: number): number[] {
  const mt = new Mt19937(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => fisherYatesStep(mt, order, i));
}
