/**
 * Route `hash_policy` evaluation (`Http::HashPolicyImpl::generateHash`): each policy may produce a
 * 64-bit hash; hashes combine as h = rotl(h, 1) XOR new, and a terminal policy that produced a
 * hash (so far) ends the evaluation. No hash at all means the load balancer uses a random one.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/route/v3/route_components.proto#config-route-v3-routeaction-hashpolicy
 *
 * - header: all values of the header, each rewritten by `regex_rewrite` if set, sorted, hashed as
 *   one concatenated byte string (XXH64, seed 0);
 * - cookie: the cookie's value; when absent and the policy has a `ttl`, Envoy would generate the
 *   cookie (value = 16 hex digits of XXH64(remote address + local address)) and hash that;
 * - connection_properties.source_ip: the downstream IP without port;
 * - query_parameter: the first value of the parameter;
 * - filter_state: the object's own hash.
 * Worked example: header `x-user: alice` → XXH64("alice").
 */
import { xxHash64Result } from '../hash/xxhash64.js';
import { xxHash64String } from '../hash/hash-string.js';
import { u64Halves, u64ToDecimal } from '../hash/u64.js';
import type { RequestModel } from './request.js';
import { cookieValue, headerValues, ipOf, queryParameter } from './request.js';

/** `RouteAction.HashPolicy`, one of its specifiers plus `terminal`. */
export type HashPolicy = { readonly terminal?: boolean } & (
  | {
      readonly header: {
        readonly headerName: string;
        readonly regexRewrite?: { readonly pattern: string; readonly substitution: string };
      };
    }
  | {
      readonly cookie: {
        readonly name: string;
        readonly ttlSeconds?: number;
        readonly path?: string;
      };
    }
  | { readonly connectionProperties: { readonly sourceIp: boolean } }
  | { readonly queryParameter: { readonly name: string } }
  | { readonly filterState: { readonly key: string } }
);

/** What one policy did. */
export interface HashPolicyStep {
  readonly policy: number;
  readonly kind: 'header' | 'cookie' | 'source_ip' | 'query_parameter' | 'filter_state';
  /** The bytes that were hashed, when the policy produced a hash from a string. */
  readonly input: string | null;
  /** The policy's own hash (decimal), or null when it produced none. */
  readonly hash: string | null;
  /** Set when Envoy would add a `Set-Cookie` with this value (cookie policy with a ttl). */
  readonly generatedCookie?: string;
}

export interface RequestHash {
  /** The combined hash, or null: the balancer then picks with a random hash. */
  readonly hash: { readonly hi: number; readonly lo: number } | null;
  /** The combined hash as a decimal string, or null. */
  readonly decimal: string | null;
  readonly steps: readonly HashPolicyStep[];
  /** Index of the terminal policy that stopped evaluation, if one did. */
  readonly stoppedAt: number | null;
}

/** Evaluates the route's hash policies against a request, as Envoy does. */
export function computeRequestHash(
  policies: readonly HashPolicy[],
  request: RequestModel,
): RequestHash {
  let hi = 0;
  let lo = 0;
  let have = false;
  let stoppedAt: number | null = null;
  const steps: HashPolicyStep[] = [];
  for (let i = 0; i < policies.length; i++) {
    const step = evaluate(policies[i], i, request);
    if (!step) continue;
    steps.push(step);
    if (step.hash !== null) {
      const [nh, nl] = u64Halves(step.hash);
      const rh = have ? ((hi << 1) | (lo >>> 31)) >>> 0 : 0;
      const rl = have ? ((lo << 1) | (hi >>> 31)) >>> 0 : 0;
      hi = (rh ^ nh) >>> 0;
      lo = (rl ^ nl) >>> 0;
      have = true;
    }
    if (policies[i].terminal && have) {
      stoppedAt = i;
      break;
    }
  }
  return {
    hash: have ? { hi, lo } : null,
    decimal: have ? u64ToDecimal(hi, lo) : null,
    steps,
    stoppedAt,
  };
}

function hashOf(text: string): string {
  xxHash64String(text);
  return u64ToDecimal(xxHash64Result.hi, xxHash64Result.lo);
}

function evaluate(policy: HashPolicy, index: number, request: RequestModel): HashPolicyStep | null {
  const produced = (kind: HashPolicyStep['kind'], input: string | null): HashPolicyStep => ({
    policy: index,
    kind,
    input,
    hash: input === null ? null : hashOf(input),
  });
  if ('header' in policy) {
    const values = headerValues(request, policy.header.headerName);
    if (values.length === 0) return produced('header', null);
    const rewrite = policy.header.regexRewrite;
    const rewritten = rewrite
      ? values.map((v) =>
          v.replace(new RegExp(rewrite.pattern, 'g'), re2Substitution(rewrite.substitution)),
        )
      : values;
    return produced('header', [...rewritten].sort(compareBytes).join(''));
  }
  if ('cookie' in policy) {
    const existing = cookieValue(request, policy.cookie.name);
    if (existing !== '') return produced('cookie', existing);
    if (policy.cookie.ttlSeconds === undefined || !request.sourceAddress || !request.localAddress) {
      return produced('cookie', null);
    }
    const generated = hashOf(request.sourceAddress + request.localAddress);
    const value = BigInt(generated).toString(16).padStart(16, '0');
    return { ...produced('cookie', value), generatedCookie: value };
  }
  if ('connectionProperties' in policy) {
    if (!policy.connectionProperties.sourceIp) return null;
    const ip = request.sourceAddress ? ipOf(request.sourceAddress) : '';
    return produced('source_ip', ip === '' ? null : ip);
  }
  if ('queryParameter' in policy) {
    return produced('query_parameter', queryParameter(request, policy.queryParameter.name) ?? null);
  }
  const object = request.filterState?.[policy.filterState.key];
  if (object === undefined) return produced('filter_state', null);
  if (typeof object === 'string') return produced('filter_state', object);
  return {
    policy: index,
    kind: 'filter_state',
    input: null,
    hash: BigInt.asUintN(64, BigInt(object.hash)).toString(),
  };
}

/** RE2 writes back-references as \1; JavaScript as $1. */
function re2Substitution(substitution: string): string {
  return substitution.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1');
}

/** Byte order of UTF-16 strings for ASCII header values (Envoy sorts string_views bytewise). */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
