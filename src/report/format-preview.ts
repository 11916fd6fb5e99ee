/**
 * Readable text for previews, differences, explanations and samples (what the command line prints
 * without `--json`), and the preview's JSON contract object.
 */
import type { PreviewDiff } from '../analysis/diff.js';
import type { Explanation } from '../analysis/explain.js';
import type { Preview, PreviewHost } from '../analysis/preview.js';
import type { SampleResult } from '../analysis/sample.js';
import type { HostHealthFlags } from '../model/health.js';
import type { Locality } from '../model/locality.js';
import { localityName } from '../model/locality.js';
import { percent, textTable } from './text-table.js';

/** Envoy admin names of the dynamic health flags (`/clusters` `health_flags`). */
const FLAG_NAMES: readonly (readonly [keyof HostHealthFlags, string])[] = [
  ['failedActiveHealthCheck', 'failed_active_hc'],
  ['degradedActiveHealthCheck', 'degraded_active_hc'],
  ['outlierEjected', 'failed_outlier_check'],
  ['pendingActiveHealthCheck', 'pending_active_hc'],
  ['excludedViaImmediateHealthCheckFail', 'excluded_via_immediate_hc_fail'],
  ['pendingDynamicRemoval', 'pending_dynamic_removal'],
];

/** The EDS health status, followed by Envoy's admin names of any health flags: `HEALTHY/failed_outlier_check`. */
export function hostHealthLabel(host: Pick<PreviewHost, 'healthStatus' | 'flags'>): string {
  const flags = FLAG_NAMES.filter(([key]) => host.flags[key]).map(([, name]) => name);
  return [host.healthStatus, ...flags].join('/');
}

/** The `preview --json` object: exactly the documented keys. */
export function previewJson(p: Preview): Record<string, unknown> {
  return {
    cluster: p.cluster,
    lbPolicy: p.lbPolicy,
    priorities: p.priorities.map((x) => ({
      priority: x.priority,
      health: x.health,
      degraded: x.degraded,
      healthyLoad: x.healthyLoad,
      degradedLoad: x.degradedLoad,
      panic: x.panic,
    })),
    hosts: p.hosts.map((h) => ({
      address: h.address,
      priority: h.priority,
      locality: { region: h.locality.region, zone: h.locality.zone, subZone: h.locality.subZone },
      healthStatus: hostHealthLabel(h),
      weight: h.weight,
      share: h.share,
    })),
    noHostShare: p.noHostShare,
  };
}

/** `region/zone/sub_zone` without trailing empty parts; empty for a host without locality. */
export function localityLabel(l: Locality): string {
  return localityName(l).replace(/\/+$/, '');
}

function place(l: Locality): string {
  return localityLabel(l) || '-';
}

/** The preview as text: priorities with their factors, localities, hosts, no-host share, notes. */
export function formatPreview(p: Preview): string {
  const out: string[] = [
    `cluster ${p.cluster} · ${p.lbPolicy} · panic threshold ${p.panicThreshold} % · normalized total health ${p.normalizedTotalHealth}${p.totalPanic ? ' · TOTAL PANIC' : ''}`,
    '',
    textTable(
      [
        'priority',
        'hosts',
        'healthy',
        'degraded',
        'excluded',
        'health %',
        'degraded %',
        'load',
        'degraded load',
        'panic',
        'share',
      ],
      p.priorities.map((x) => [
        `P${x.priority}`,
        x.hosts,
        x.healthyHosts,
        x.degradedHosts,
        x.excludedHosts,
        x.health,
        x.degraded,
        `${x.healthyLoad} %`,
        `${x.degradedLoad} %`,
        x.panic ? 'PANIC' : 'no',
        percent(x.share),
      ]),
      [1, 2, 3, 4, 5, 6, 7, 8, 10],
    ),
  ];
  if (
    p.localities.some((l) => l.weight !== null) ||
    new Set(p.localities.map((l) => l.priority)).size < p.localities.length
  ) {
    out.push(
      '',
      textTable(
        ['priority', 'locality', 'hosts', 'weight', 'effective', 'share'],
        p.localities.map((l) => [
          `P${l.priority}`,
          place(l.locality),
          l.hosts,
          l.weight ?? '-',
          l.weight === null ? '-' : round(l.effectiveWeight),
          percent(l.share),
        ]),
        [2, 3, 4, 5],
      ),
    );
  }
  const hashing = p.tables.length > 0;
  out.push(
    '',
    textTable(
      ['host', 'priority', 'locality', 'health', 'weight', ...(hashing ? ['owns'] : []), 'share'],
      p.hosts.map((h) => [
        h.address,
        `P${h.priority}`,
        place(h.locality),
        hostHealthLabel(h),
        h.weight,
        ...(hashing ? [percent(h.ownership ?? 0)] : []),
        percent(h.share),
      ]),
      hashing ? [4, 5, 6] : [4, 5],
    ),
    '',
    `no healthy upstream (503): ${percent(p.noHostShare)}`,
  );
  const zone = p.zoneRouting;
  if (zone.mode !== 'no_locality_routing') {
    const kept =
      zone.mode === 'locality_direct'
        ? 'all stay in the local locality'
        : `${percent(zone.localPercentToRoute / 10000)} stay local, the rest go by residual capacity`;
    const panic = zone.localClusterInPanic ? '; the local cluster is in panic, so none apply' : '';
    out.push(
      `zone-aware routing (${zone.mode}) on ${percent(zone.enabledShare)} of P0 requests: ${kept}${panic}`,
    );
  } else if (
    !zone.failedPreconditions.includes('policy_not_zone_aware') &&
    !zone.failedPreconditions.includes('no_local_cluster')
  ) {
    out.push(`zone-aware routing off: ${zone.failedPreconditions.join(', ')}`);
  }
  for (const t of p.tables) {
    out.push(
      `P${t.priority} ${t.kind}: ${t.size} ${t.kind === 'ring' ? 'points' : 'slots'}, ${t.minPerHost}–${t.maxPerHost} per host`,
    );
  }
  for (const note of p.notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}

/** A difference as text: one sentence per change. */
export function formatDiff(d: PreviewDiff): string {
  return `${d.summary.map((line) => `  ${line}`).join('\n')}\n`;
}

/** An explanation as numbered steps. */
export function formatExplanation(e: Explanation): string {
  const steps = e.steps.map(
    (s, i) => `${String(i + 1).padStart(2)}. ${s.step.padEnd(8)} ${s.detail}`,
  );
  return `cluster ${e.cluster} · ${e.lbPolicy}\n${steps.join('\n')}\n`;
}

/** Sample counts next to their share. */
export function formatSample(s: SampleResult): string {
  const rows = s.hosts.map((h) => [
    h.address,
    h.count,
    percent(s.requests === 0 ? 0 : h.count / s.requests),
  ]);
  rows.push(['no host (503)', s.noHost, percent(s.requests === 0 ? 0 : s.noHost / s.requests)]);
  return `cluster ${s.cluster} · ${s.requests} requests · seed ${s.seed}\n\n${textTable(['host', 'picks', 'share'], rows, [1, 2])}\n`;
}
