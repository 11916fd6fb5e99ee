/**
 * UTF-8 encoding of a JS string into a reusable byte buffer (what Envoy hashes is the key's
 * bytes), so hashing a string allocates nothing once the buffer is large enough. Lone surrogates
 * become U+FFFD, as `TextEncoder` does.
 */

let buffer = new Uint8Array(256);

/** Above this many UTF-16 units the native encoder's fixed call cost (~50 ns) pays off. */
const NATIVE_ENCODER_FROM = 24;
const textEncoder = new TextEncoder();

/** The buffer the last `encodeUtf8` wrote into (valid until the next call). */
export function utf8Buffer(): Uint8Array {
  return buffer;
}

/** Grows the buffer to at least `size` bytes, keeping its first `keep` bytes. */
function ensureCapacity(size: number, keep: number): void {
  if (size <= buffer.length) return;
  const grown = new Uint8Array(Math.max(size, buffer.length * 2));
  grown.set(buffer.subarray(0, keep));
  buffer = grown;
}

/**
 * Writes `s` as UTF-8 at `buffer[offset..]`, growing the buffer if needed, and returns the end
 * offset. Existing bytes before `offset` are kept.
 */
export function encodeUtf8(s: string, offset = 0): number {
  ensureCapacity(offset + s.length * 3, offset);
  if (offset === 0 && s.length > NATIVE_ENCODER_FROM)
    return textEncoder.encodeInto(s, buffer).written;
  const out = buffer;
  let j = offset;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c;
      continue;
    }
    if (c < 0x800) {
      out[j++] = 0xc0 | (c >> 6);
      out[j++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[j++] = 0xf0 | (c >> 18);
        out[j++] = 0x80 | ((c >> 12) & 0x3f);
        out[j++] = 0x80 | ((c >> 6) & 0x3f);
        out[j++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    out[j++] = 0xe0 | (c >> 12);
    out[j++] = 0x80 | ((c >> 6) & 0x3f);
    out[j++] = 0x80 | (c & 0x3f);
  }
  return j;
}

/** Writes the decimal digits of a non-negative integer at `buffer[offset..]`; returns the end offset. */
export function encodeDecimal(n: number, offset: number): number {
  ensureCapacity(offset + 16, offset);
  const out = buffer;
  if (n === 0) {
    out[offset] = 0x30;
    return offset + 1;
  }
  let digits = 0;
  for (let v = n; v > 0; v = Math.floor(v / 10)) digits++;
  let j = offset + digits;
  for (let v = n; v > 0; v = Math.floor(v / 10)) out[--j] = 0x30 + (v % 10);
  return offset + digits;
}
