/**
 * String key → 64-bit hash: the library's pure-JS `xxHash64String(key)` (result read from
 * `xxHash64Result.hi/lo`) against xxhash-wasm 1.1.0's `h64(key)` (a bigint, consumed as
 * `Number(h & 0xffn)`), for short keys typical of hash policies and a 200-byte key. For reference:
 * `h64Raw` and the library's `xxHash64` on pre-encoded bytes (no UTF-8 encoding in the loop), and
 * a sweep of key lengths 8 B – 1 KiB to find where pure JS stops winning.
 */
import type { XXHashAPI } from 'xxhash-wasm';
import { xxHash64, xxHash64Result, xxHash64String } from '../../src/index.js';
import { BATCH } from '../harness/bench-case.js';
import { consume } from '../harness/sink.js';
import type { KeyKind } from './fixtures.js';
import { KEY_MASK, SWEEP_LENGTHS, keyKinds, keysOfLength } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';

/** `xxHash64String` over the keys. */
function oursCase(id: string, label: string, keys: readonly string[]): HashingCase {
  let i = 0;
  const run = (): number => {
    let acc = 0;
    for (let k = 0; k < BATCH; k++) {
      xxHash64String(keys[(i + k) & KEY_MASK]);
      acc ^= xxHash64Result.hi ^ xxHash64Result.lo;
    }
    i = (i + BATCH) & KEY_MASK;
    consume(acc);
    return acc;
  };
  return { id, label, kind: 'lib', hosts: 0, run };
}

/** xxhash-wasm `h64` over the keys. */
function h64Case(wasm: XXHashAPI, id: string, label: string, keys: readonly string[]): HashingCase {
  const h64 = wasm.h64;
  let i = 0;
  const run = (): number => {
    let acc = 0;
    for (let k = 0; k < BATCH; k++) {
      acc ^= Number(h64(keys[(i + k) & KEY_MASK]) & 0xffn);
    }
    i = (i + BATCH) & KEY_MASK;
    consume(acc);
    return acc;
  };
  return { id, label, kind: 'peer', hosts: 0, run };
}

function encoded(keys: readonly string[]): Uint8Array[] {
  const encoder = new TextEncoder();
  return keys.map((k) => encoder.encode(k));
}

/** xxhash-wasm `h64Raw` over the keys' pre-encoded bytes. */
function h64RawCase(wasm: XXHashAPI, kind: KeyKind): HashingCase {
  const h64Raw = wasm.h64Raw;
  const bytes = encoded(kind.keys);
  let i = 0;
  const run = (): number => {
    let acc = 0;
    for (let k = 0; k < BATCH; k++) {
      acc ^= Number(h64Raw(bytes[(i + k) & KEY_MASK]) & 0xffn);
    }
    i = (i + BATCH) & KEY_MASK;
    consume(acc);
    return acc;
  };
  return {
    id: `hash/h64raw/${kind.key}`,
    label: `h64Raw bytes ${kind.label}`,
    kind: 'ref',
    hosts: 0,
    run,
  };
}

/** The library's `xxHash64` over the keys' pre-encoded bytes. */
function oursRawCase(kind: KeyKind): HashingCase {
  const bytes = encoded(kind.keys);
  let i = 0;
  const run = (): number => {
    let acc = 0;
    for (let k = 0; k < BATCH; k++) {
      const b = bytes[(i + k) & KEY_MASK];
      xxHash64(b, b.length);
      acc ^= xxHash64Result.hi ^ xxHash64Result.lo;
    }
    i = (i + BATCH) & KEY_MASK;
    consume(acc);
    return acc;
  };
  return {
    id: `hash/ours-raw/${kind.key}`,
    label: `xxHash64 bytes ${kind.label}`,
    kind: 'ref',
    hosts: 0,
    run,
  };
}

/** Throws unless the library and xxhash-wasm agree on every key the cases hash. */
function verify(wasm: XXHashAPI, keys: readonly string[]): void {
  const bytes = encoded(keys);
  keys.forEach((key, i) => {
    xxHash64String(key);
    const ours = (BigInt(xxHash64Result.hi) << 32n) | BigInt(xxHash64Result.lo);
    const theirs = wasm.h64(key);
    if (ours !== theirs || wasm.h64Raw(bytes[i]) !== theirs) {
      throw new Error(`XXH64 mismatch on ${JSON.stringify(key)}: ${ours} vs ${theirs}`);
    }
  });
}

export function stringHashCases(wasm: XXHashAPI): HashingCase[] {
  const cases: HashingCase[] = [];
  for (const kind of keyKinds()) {
    verify(wasm, kind.keys);
    cases.push(
      oursCase(`hash/ours/${kind.key}`, `xxHash64String ${kind.label}`, kind.keys),
      h64Case(wasm, `hash/h64/${kind.key}`, `h64 ${kind.label}`, kind.keys),
      h64RawCase(wasm, kind),
      oursRawCase(kind),
    );
  }
  return cases;
}

/** The crossover sweep: `xxHash64String` and `h64` on keys of each length in `SWEEP_LENGTHS`. */
export function sweepCases(wasm: XXHashAPI): HashingCase[] {
  const cases: HashingCase[] = [];
  for (const length of SWEEP_LENGTHS) {
    const keys = keysOfLength(length);
    verify(wasm, keys);
    cases.push(
      oursCase(`sweep/ours/${length}`, `xxHash64String ${length} B`, keys),
      h64Case(wasm, `sweep/h64/${length}`, `h64 ${length} B`, keys),
    );
  }
  return cases;
}
