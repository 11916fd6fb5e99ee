/**
 * Envoy's `config.core.v3.Locality`: where a host runs. Envoy orders localities by
 * (region, zone, sub_zone) and matches them by all three fields.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/core/v3/base.proto#config-core-v3-locality
 */
export interface Locality {
  readonly region: string;
  readonly zone: string;
  readonly subZone: string;
}

/** The locality with every field empty (an endpoint group without `locality`). */
export const UNSPECIFIED_LOCALITY: Locality = Object.freeze({ region: '', zone: '', subZone: '' });

/** A locality from partial fields; missing fields are empty strings, as in proto3. */
export function locality(fields: Partial<Locality> = {}): Locality {
  return Object.freeze({
    region: fields.region ?? '',
    zone: fields.zone ?? '',
    subZone: fields.subZone ?? '',
  });
}

/** Envoy's `LocalityLess`: lexicographic on region, then zone, then sub_zone. */
export function compareLocality(a: Locality, b: Locality): number {
  return cmp(a.region, b.region) || cmp(a.zone, b.zone) || cmp(a.subZone, b.subZone);
}

/** True when both name the same locality (Envoy's `LocalityEqualTo`). */
export function sameLocality(a: Locality, b: Locality): boolean {
  return a.region === b.region && a.zone === b.zone && a.subZone === b.subZone;
}

/** A printable name, `region/zone/sub_zone` with empty parts kept. */
export function localityName(l: Locality): string {
  return `${l.region}/${l.zone}/${l.subZone}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
