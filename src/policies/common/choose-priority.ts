/**
 * Choosing a priority for one pick (`LoadBalancerBase::choosePriority`): x = hash % 100 + 1 is
 * compared with the cumulative healthy loads, then the cumulative degraded loads.
 * Worked example: healthy [16, 28, 14], degraded [28, 14, 0]: hash 40 → x 41 → P1 healthy
 * (cumulative 16, 44); hash 60 → x 61 → past 58, P0 degraded (cumulative 86).
 */
import { modU64 } from '../../hash/u64.js';

/**
 * The chosen priority, encoded as `priority * 2 + (degraded ? 1 : 0)`. Falls back to priority 0
 * healthy if the loads sum below x (Envoy treats that as a bug).
 */
export function choosePriority(
  hashHi: number,
  hashLo: number,
  healthyLoad: Uint8Array,
  degradedLoad: Uint8Array,
): number {
  // x is in [1, 100]: priority 0 at 100 % healthy load takes every hash.
  if (healthyLoad[0] === 100) return 0;
  const x = modU64(hashHi, hashLo, 100) + 1;
  let acc = 0;
  for (let p = 0; p < healthyLoad.length; p++) {
    acc += healthyLoad[p];
    if (x <= acc) return p * 2;
  }
  for (let p = 0; p < degradedLoad.length; p++) {
    acc += degradedLoad[p];
    if (x <= acc) return p * 2 + 1;
  }
  return 0;
}
