import { describe, expect, it } from 'vitest';
import { computeRequestHash, u64Halves, xxHash64Decimal } from '../../src/index.js';

const xx = (s: string): string => xxHash64Decimal(s);
const rotlXor = (a: string, b: string): string => {
  const x = BigInt(a);
  return (
    ((((x << 1n) | (x >> 63n)) & (2n ** 64n - 1n)) ^ BigInt(b)) &
    (2n ** 64n - 1n)
  ).toString();
};

describe('route hash policies', () => {
  it('hashes a header value with XXH64, matching the name case-insensitively', () => {
    const r = computeRequestHash([{ header: { headerName: 'User-Agent' } }], {
      headers: { 'user-agent': 'curl/8' },
    });
    expect(r.decimal).toBe(xx('curl/8'));
    expect(r.hash).toEqual({ hi: u64Halves(xx('curl/8'))[0], lo: u64Halves(xx('curl/8'))[1] });
  });

  it('hashes every value of a repeated header, sorted, as one byte string', () => {
    const a = computeRequestHash([{ header: { headerName: 'x' } }], {
      headers: { x: ['foo', 'bar'] },
    });
    const b = computeRequestHash([{ header: { headerName: 'x' } }], {
      headers: { x: ['bar', 'foo'] },
    });
    expect(a.decimal).toBe(xx('barfoo'));
    expect(b.decimal).toBe(a.decimal);
  });

  it('applies regex_rewrite with RE2-style back-references', () => {
    const r = computeRequestHash(
      [
        {
          header: {
            headerName: ':path',
            regexRewrite: { pattern: '^/api/(\\w+)/.*$', substitution: '\\1' },
          },
        },
      ],
      { headers: { ':path': '/api/users/42' } },
    );
    expect(r.steps[0].input).toBe('users');
  });

  it('uses an existing cookie, and reports the cookie Envoy would generate', () => {
    const policy = [{ cookie: { name: 'session', ttlSeconds: 3600 } }];
    expect(computeRequestHash(policy, { headers: { cookie: 'a=1; session="abc"' } }).decimal).toBe(
      xx('abc'),
    );
    const generated = computeRequestHash(policy, {
      sourceAddress: '10.0.0.1:5555',
      localAddress: '10.0.0.2:80',
    });
    const value = BigInt(xx('10.0.0.1:555510.0.0.2:80')).toString(16).padStart(16, '0');
    expect(generated.steps[0].generatedCookie).toBe(value);
    expect(generated.decimal).toBe(xx(value));
    expect(computeRequestHash([{ cookie: { name: 'session' } }], {}).hash).toBeNull();
  });

  it('hashes the source IP without port (IPv4 and IPv6), and query parameters', () => {
    const ip = [{ connectionProperties: { sourceIp: true } }];
    expect(computeRequestHash(ip, { sourceAddress: '192.168.1.7:40000' }).decimal).toBe(
      xx('192.168.1.7'),
    );
    expect(computeRequestHash(ip, { sourceAddress: '[::1]:80' }).decimal).toBe(xx('::1'));
    const q = [{ queryParameter: { name: 'user' } }];
    expect(computeRequestHash(q, { path: '/a?x=1&user=bob&user=eve' }).decimal).toBe(xx('bob'));
  });

  it('combines hashes by rotate-left-1 then XOR, and stops at a terminal policy that produced one', () => {
    const request = { headers: { a: '1', b: '2', c: '3' } };
    const three = computeRequestHash(
      [
        { header: { headerName: 'a' } },
        { header: { headerName: 'b' }, terminal: true },
        { header: { headerName: 'c' } },
      ],
      request,
    );
    expect(three.decimal).toBe(rotlXor(xx('1'), xx('2')));
    expect(three.stoppedAt).toBe(1);
    const skipped = computeRequestHash(
      [{ header: { headerName: 'missing' }, terminal: true }, { header: { headerName: 'c' } }],
      request,
    );
    expect(skipped.decimal).toBe(xx('3'));
  });

  it('uses a filter-state object hash, and yields no hash when nothing matched', () => {
    const fs = [{ filterState: { key: 'k' } }];
    expect(computeRequestHash(fs, { filterState: { k: { hash: '42' } } }).decimal).toBe('42');
    expect(computeRequestHash(fs, { filterState: { k: 'v' } }).decimal).toBe(xx('v'));
    expect(computeRequestHash(fs, {}).hash).toBeNull();
  });
});
