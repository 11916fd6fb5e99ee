/**
 * The difference between two previews — before and after a change, or between two
 * configurations: who gains and who loses, how priority loads and panic moved, the change in
 * "no healthy upstream", and, for consistent-hashing policies, the share of request hashes whose
 * host changes next to the least any assignment could move (key-movement.ts). Hosts are matched
 * by `ip:port`.
 *
 * With several priorities a hash moves when the (priority, table) it reaches maps it to another
 * host: Σ over overlapping x-ranges of P(overlap) × movement between the two tables — exact up to
 * the residue error described in hash-ownership.ts.
 */
import { keyMovement } from './key-movement.js';
import type { Preview, PreviewKeySpace } from './preview.js';
import { previewKeySpace } from './preview.js';
import { rangeProbability } from './priority-ranges.js';

export interface HostShareChange {
  readonly address: string;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface PriorityChange {
  readonly priority: number;
  /** Healthy hosts before and after. */
  readonly healthyHosts: readonly [number, number];
  /** Envoy's per-priority health score before and after. */
  readonly health: readonly [number, number];
  /** How the health score after the change is computed, in words. */
  readonly healthReason: string;
  readonly healthyLoad: readonly [number, number];
  readonly degradedLoad: readonly [number, number];
  readonly panic: readonly [boolean, boolean];
  readonly share: readonly [number, number];
}

export interface PreviewDiff {
  /** Hosts whose share grows, largest gain first. */
  readonly gainers: readonly HostShareChange[];
  /** Hosts whose share shrinks, largest loss first. */
  readonly losers: readonly HostShareChange[];
  readonly priorities: readonly PriorityChange[];
  readonly noHostShare: readonly [number, number];
  /** Consistent hashing: share of all hashes whose host changes (null for other policies). */
  readonly keysMoved: number | null;
  /** The least share any assignment with the new ownership could move. */
  readonly keysMovedOptimal: number | null;
  /** The change in sentences. */
  readonly summary: readonly string[];
}

/** Shares below this are treated as unchanged (floating-point noise of exact fractions). */
const EPSILON = 1e-12;

/** What changed from `before` to `after`. */
export function diff(before: Preview, after: Preview): PreviewDiff {
  const shares = new Map<string, [number, number]>();
  for (const h of before.hosts)
    shares.set(h.address, [(shares.get(h.address)?.[0] ?? 0) + h.share, 0]);
  for (const h of after.hosts) {
    const entry = shares.get(h.address) ?? [0, 0];
    entry[1] += h.share;
    shares.set(h.address, entry);
  }
  const changes = [...shares].map(([address, [b, a]]) => ({
    address,
    before: b,
    after: a,
    delta: a - b,
  }));
  const gainers = changes.filter((c) => c.delta > EPSILON).sort((x, y) => y.delta - x.delta);
  const losers = changes.filter((c) => c.delta < -EPSILON).sort((x, y) => x.delta - y.delta);
  const count = Math.max(before.priorities.length, after.priorities.length);
  const priorities = Array.from({ length: count }, (_, p): PriorityChange => {
    const b = before.priorities[p];
    const a = after.priorities[p];
    return {
      priority: p,
      healthyHosts: [b?.healthyHosts ?? 0, a?.healthyHosts ?? 0],
      health: [b?.health ?? 0, a?.health ?? 0],
      healthReason: a ? healthReason(a) : 'the priority is gone',
      healthyLoad: [b?.healthyLoad ?? 0, a?.healthyLoad ?? 0],
      degradedLoad: [b?.degradedLoad ?? 0, a?.degradedLoad ?? 0],
      panic: [b?.panic ?? false, a?.panic ?? false],
      share: [b?.share ?? 0, a?.share ?? 0],
    };
  });
  const movement = hashMovement(previewKeySpace(before), previewKeySpace(after));
  const result = {
    gainers,
    losers,
    priorities,
    noHostShare: [before.noHostShare, after.noHostShare] as const,
    keysMoved: movement?.moved ?? null,
    keysMovedOptimal: movement?.optimal ?? null,
  };
  return { ...result, summary: summarize(result) };
}

function hashMovement(
  before: PreviewKeySpace | undefined,
  after: PreviewKeySpace | undefined,
): { moved: number; optimal: number } | null {
  if (!before || !after) return null;
  let moved = 0;
  let optimal = 0;
  for (const r of before.ranges) {
    for (const s of after.ranges) {
      const overlap = Math.min(r.to, s.to) - Math.max(r.from, s.from) + 1;
      if (overlap <= 0) continue;
      const weight = overlap / (r.to - r.from + 1);
      const m = keyMovement(before.tables[r.priority], after.tables[s.priority]);
      moved += rangeProbability(r) * weight * m.moved;
      optimal += rangeProbability(r) * weight * m.optimal;
    }
  }
  return { moved, optimal };
}

const percent = (x: number): string => `${(100 * x).toFixed(2)} %`;

/** `min(100, OPF × healthy / countable)` with the numbers of a priority. */
function healthReason(x: Preview['priorities'][number]): string {
  const countable = x.hosts - x.excludedHosts;
  if (x.weightedPriorityHealth) {
    return `health ${x.health} = min(100, ${x.overprovisioningFactor} % × healthy weight / total weight)`;
  }
  return countable === 0
    ? 'health 0: no host counts'
    : `health ${x.health} = min(100, ${x.overprovisioningFactor} % × ${x.healthyHosts} healthy / ${countable} hosts)`;
}

function summarize(d: Omit<PreviewDiff, 'summary'>): string[] {
  const lines: string[] = [];
  for (const p of d.priorities) {
    if (p.healthyHosts[0] !== p.healthyHosts[1] || p.health[0] !== p.health[1]) {
      const spill =
        p.health[1] >= 100 ? ': still 100, so no traffic spills to a lower priority' : '';
      lines.push(`P${p.priority}: ${p.healthReason}${spill}`);
    }
    const [hb, ha] = p.healthyLoad;
    const [db, da] = p.degradedLoad;
    if (hb !== ha || db !== da) {
      lines.push(
        `P${p.priority} load ${hb}${db ? `+${db} degraded` : ''} % → ${ha}${da ? `+${da} degraded` : ''} %`,
      );
    }
    if (p.panic[0] !== p.panic[1]) {
      lines.push(`P${p.priority} ${p.panic[1] ? 'enters' : 'leaves'} panic`);
    }
  }
  const [nb, na] = d.noHostShare;
  if (Math.abs(na - nb) > EPSILON)
    lines.push(`no healthy upstream: ${percent(nb)} → ${percent(na)}`);
  const list = (changes: readonly HostShareChange[]): string =>
    changes.map((c) => `${c.address} ${percent(c.before)} → ${percent(c.after)}`).join(', ');
  if (d.losers.length > 0) lines.push(`lose: ${list(d.losers)}`);
  if (d.gainers.length > 0) lines.push(`gain: ${list(d.gainers)}`);
  if (d.keysMoved !== null) {
    lines.push(
      `hash keys moved: ${percent(d.keysMoved)} (the least possible: ${percent(d.keysMovedOptimal ?? 0)})`,
    );
  }
  if (lines.length === 0) lines.push('no change in the traffic split');
  return lines;
}
