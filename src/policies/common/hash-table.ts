/**
 * What a consistent-hashing table offers the thread-aware balancer: a host for a 64-bit hash and
 * a retry attempt, read-only after build (Envoy's `HashingLoadBalancer`).
 */
export interface HashTable {
  /** Host index for hash (hi, lo) on the given attempt (0 = first try); -1 when the table is empty. */
  chooseHost(hashHi: number, hashLo: number, attempt: number): number;
}
