/**
 * Effective locality weight (`HostSetImpl::effectiveLocalityWeight`, locality_wrr.cc): a
 * locality's configured weight scaled by its availability, so a locality losing hosts sheds
 * load before it is empty.
 *
 * effective = weight × min(1, OPF/100 × eligible / (hosts − excluded)), 0 for a locality with no
 * countable host. Worked example: OPF 140, weight 1, 3 of 5 hosts healthy → 1 × min(1, 1.4 × 0.6)
 * = 0.84.
 */
import type { HostSet } from './host-set.js';

/** Effective weights of every locality of a host set for healthy (or degraded) picks. */
export function effectiveLocalityWeights(
  hostSet: HostSet,
  eligible: 'healthy' | 'degraded',
): Float64Array {
  const weights = hostSet.localityWeights;
  const lists = eligible === 'healthy' ? hostSet.healthyPerLocality : hostSet.degradedPerLocality;
  const out = new Float64Array(hostSet.hostsPerLocality.length);
  if (!weights) return out;
  const opf = hostSet.overprovisioningFactor / 100;
  for (let i = 0; i < out.length; i++) {
    const count =
      hostSet.hostsPerLocality[i].length - (hostSet.excludedPerLocality[i]?.length ?? 0);
    if (count <= 0) continue;
    const ratio = (lists[i]?.length ?? 0) / count;
    out[i] = (weights[i] ?? 0) * Math.min(1, opf * ratio);
  }
  return out;
}
