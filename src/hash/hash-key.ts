/**
 * The key a hashing load balancer places a host by (`HashingLoadBalancer` hash key): the
 * `envoy.lb` metadata `hash_key` when it is a non-empty string, else the hostname when
 * `use_hostname_for_hashing` is set, else the address (`127.0.0.1:80`, `[::1]:80`).
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto#envoy-v3-api-field-config-cluster-v3-cluster-commonlbconfig-consistenthashinglbconfig-use-hostname-for-hashing
 */
import type { Host } from '../model/host.js';

export function hostHashKey(host: Host, useHostnameForHashing: boolean): string {
  const key = host.metadata['envoy.lb']?.['hash_key'];
  if (typeof key === 'string' && key.length > 0) return key;
  return useHostnameForHashing ? host.hostname : host.address;
}
