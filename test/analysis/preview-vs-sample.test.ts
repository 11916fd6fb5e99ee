/**
 * `preview` (closed form) against `sample` (the real pick path, seeded): for random clusters under
 * every policy — round robin with and without slow start, least request (P2C, full scan,
 * weighted), random, ring hash and Maglev — with locality weighting, zone-aware routing, panic
 * and fail_traffic_on_panic, every host's count and the no-host count lie within 5 standard
 * deviations of requests × share, for several sample seeds. Shares and no-host sum to 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maglevConfig, preview, ringHashConfig, sample } from '../../src/index.js';
import type { ClusterModel, LbPolicyConfig, PreviewOptions } from '../../src/index.js';
import { NOW_MS, REGION, fcParams, toClusterModel } from '../property/arbitraries.js';
import type { LbScenario } from '../property/scenarios.js';
import {
  lbScenarioArb,
  localClusterModel,
  scenarioCommon,
  toPolicyConfig,
} from '../property/scenarios.js';

const REQUESTS = 6000;
const SAMPLE_SEEDS = [1, 2, 3];

function setup(s: LbScenario, policy: LbPolicyConfig): [ClusterModel, PreviewOptions] {
  const model = toClusterModel(s.cluster, scenarioCommon(s), policy);
  const hosts = model.endpoints.flatMap((g) => g.hosts);
  const activeRequests = Object.fromEntries(
    hosts.map((h, i) => [h.address, s.activeRequests[i % s.activeRequests.length]]),
  );
  return [
    model,
    {
      nowMs: NOW_MS,
      activeRequests: policy.policy === 'LEAST_REQUEST' ? activeRequests : {},
      localCluster: s.zoneAware ? localClusterModel(s.zoneAware) : null,
      ...(s.zoneAware
        ? { localLocality: { region: REGION, zone: s.zoneAware.localZone, subZone: '' } }
        : {}),
    },
  ];
}

function within(count: number, expected: number, requests: number): boolean {
  const p = expected / requests;
  return Math.abs(count - expected) <= 5 * Math.sqrt(requests * p * (1 - p)) + 2;
}

function agrees(model: ClusterModel, options: PreviewOptions): void {
  const exact = preview(model, options);
  const total = exact.hosts.reduce((s, h) => s + h.share, 0) + exact.noHostShare;
  expect(total).toBeCloseTo(1, 9);
  for (const seed of SAMPLE_SEEDS) {
    const sampled = sample(model, { ...options, requests: REQUESTS, seed });
    sampled.hosts.forEach((h, i) => {
      const expected = REQUESTS * exact.hosts[i].share;
      if (!within(h.count, expected, REQUESTS)) {
        throw new Error(`seed ${seed} host ${h.address}: ${h.count} picks, expected ${expected}`);
      }
    });
    expect(within(sampled.noHost, REQUESTS * exact.noHostShare, REQUESTS)).toBe(true);
  }
}

const hashingPolicy = fc.constantFrom<LbPolicyConfig>(
  ringHashConfig({ minimumRingSize: 64, maximumRingSize: 256 }),
  maglevConfig({ tableSize: 251 }),
);

describe('preview agrees with seeded sampling through the pick path', () => {
  for (const focus of [0, 1] as const) {
    it(`round robin, least request and random (focus P${focus})`, () => {
      fc.assert(
        fc.property(lbScenarioArb({ focus }), (s) => agrees(...setup(s, toPolicyConfig(s.policy)))),
        fcParams(40),
      );
    });
    it(`ring hash and Maglev (focus P${focus})`, () => {
      fc.assert(
        fc.property(lbScenarioArb({ focus }), hashingPolicy, (s, policy) =>
          agrees(...setup(s, policy)),
        ),
        fcParams(15),
      );
    });
  }
  it('zone-aware routing at priority 0', () => {
    fc.assert(
      fc.property(lbScenarioArb({ focus: 0, zoneAware: true }), (s) =>
        agrees(...setup(s, toPolicyConfig(s.policy))),
      ),
      fcParams(40),
    );
  });
});
