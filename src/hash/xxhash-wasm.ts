/**
 * The WebAssembly XXH64 of `xxhash-wasm`, loaded once at an async boundary the caller chooses
 * (`await initHashing()`; no top-level await). Once loaded, string keys of 16 bytes or more hash
 * through it — from there on it beats the pure-JS XXH64 (bench/README.md) — and shorter keys stay
 * in pure JS, which is faster for them and which a property test proves identical.
 */
import xxhash from 'xxhash-wasm';

type XXHashApi = Awaited<ReturnType<typeof xxhash>>;

let api: XXHashApi | null = null;
let loading: Promise<void> | null = null;

/** Loads xxhash-wasm once; later calls return the same promise. Hashing works without it. */
export function initHashing(): Promise<void> {
  loading ??= xxhash().then((loaded) => {
    api = loaded;
  });
  return loading;
}

/** The loaded xxhash-wasm API, or null before `initHashing()` has resolved. */
export function wasmXxHash(): XXHashApi | null {
  return api;
}
