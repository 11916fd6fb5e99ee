/**
 * The full-path balancer every library case goes through: `createLoadBalancer` over a priority
 * set from `buildPrioritySet(createCluster(...))`, default `commonLbConfig()`, seed 1.
 */
import type { LbPolicyConfig, LoadBalancer } from '../../src/index.js';
import { commonLbConfig, createLoadBalancer, createSeededRng } from '../../src/index.js';
import { prioritySetOf } from '../harness/fixtures.js';

/** A balancer for `policy` over `n` healthy hosts in one priority. */
export function libraryLb(n: number, weighted: boolean, policy: LbPolicyConfig): LoadBalancer {
  return createLoadBalancer(prioritySetOf(n, weighted), commonLbConfig(), policy, {
    rng: createSeededRng(1),
  });
}

/** The `random()` the library draws at construction: seed of every EDF pre-advance and RR index. */
export function constructionDraw(): { hi: number; lo: number } {
  const rng = createSeededRng(1);
  rng.next();
  return { hi: rng.hi, lo: rng.lo };
}
