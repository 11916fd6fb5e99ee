/**
 * The load balancer for a policy configuration, over a priority set (Envoy's
 * `TypedLoadBalancerFactory::create`).
 */
import type {
  CommonLbConfig,
  HashingPolicyConfig,
  LbPolicyConfig,
  LeastRequestConfig,
  MaglevConfig,
  RandomConfig,
  RingHashConfig,
  RoundRobinConfig,
  ZoneAwarePolicyConfig,
} from '../model/lb-config.js';
import type { PrioritySet } from '../snapshot/host-set.js';
import type { LoadBalancerOptions } from './common/load-balancer-base.js';
import { LeastRequestLoadBalancer } from './least-request/least-request-lb.js';
import { RandomLoadBalancer } from './random/random-lb.js';
import { MaglevLoadBalancer } from './maglev/maglev-lb.js';
import { RingHashLoadBalancer } from './ring-hash/ring-hash-lb.js';
import { RoundRobinLoadBalancer } from './round-robin/round-robin-lb.js';

/** A balancer on Envoy's zone-aware base. */
export type ZoneAwareLoadBalancerOf =
  RoundRobinLoadBalancer | LeastRequestLoadBalancer | RandomLoadBalancer;

/** A consistent-hashing balancer. */
export type HashingLoadBalancer = RingHashLoadBalancer | MaglevLoadBalancer;

/** Any balancer. */
export type LoadBalancer = ZoneAwareLoadBalancerOf | HashingLoadBalancer;

/** Creates the balancer for `policy`; the options' Rng supplies every `random()` Envoy would draw. */
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: RoundRobinConfig,
  options: LoadBalancerOptions,
): RoundRobinLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: LeastRequestConfig,
  options: LoadBalancerOptions,
): LeastRequestLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: RandomConfig,
  options: LoadBalancerOptions,
): RandomLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: RingHashConfig,
  options: LoadBalancerOptions,
): RingHashLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: MaglevConfig,
  options: LoadBalancerOptions,
): MaglevLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: ZoneAwarePolicyConfig,
  options: LoadBalancerOptions,
): ZoneAwareLoadBalancerOf;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: HashingPolicyConfig,
  options: LoadBalancerOptions,
): HashingLoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: LbPolicyConfig,
  options: LoadBalancerOptions,
): LoadBalancer;
export function createLoadBalancer(
  prioritySet: PrioritySet,
  common: CommonLbConfig,
  policy: LbPolicyConfig,
  options: LoadBalancerOptions,
): LoadBalancer {
  switch (policy.policy) {
    case 'ROUND_ROBIN':
      return new RoundRobinLoadBalancer(prioritySet, common, policy, options);
    case 'LEAST_REQUEST':
      return new LeastRequestLoadBalancer(prioritySet, common, policy, options);
    case 'RANDOM':
      return new RandomLoadBalancer(prioritySet, common, policy, options);
    case 'RING_HASH':
      return new RingHashLoadBalancer(prioritySet, common, policy, options);
    case 'MAGLEV':
      return new MaglevLoadBalancer(prioritySet, common, policy, options);
  }
}
