/**
 * The load balancer for a policy configuration, over a priority set (Envoy's
 * `TypedLoadBalancerFactory::create`).
 */
import type { CommonLbConfig, LbPolicyConfig } from '../model/lb-config.js';
import type { PrioritySet } from '../snapshot/host-set.js';
import type { LoadBalancerOptions } from './common/load-balancer-base.js';
import { LeastRequestLoadBalancer } from './least-request/least-request-lb.js';
import { RandomLoadBalancer } from './random/random-lb.js';
import { RoundRobinLoadBalancer } from './round-robin/round-robin-lb.js';

/** Any of the host-selection balancers. */
export type LoadBalancer = RoundRobinLoadBalancer | LeastRequestLoadBalancer | RandomLoadBalancer;

/** Creates the balancer for `policy`; the options' Rng supplies every `random()` Envoy would draw. */
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
  }
}
