/**
 * Vega-Lite specs (plain objects; nothing is rendered here) for notebooks and the command line:
 * the split of requests by host coloured by priority and locality, priority spill against health,
 * and key-space ownership of a ring or Maglev table next to each host's weight share. Render them
 * with vega-embed in a notebook, or with `--chart out.svg|out.png` on the command line.
 * https://vega.github.io/vega-lite/docs/spec.html
 */
import type { SpillStep } from '../analysis/priority-spill.js';
import type { Preview } from '../analysis/preview.js';
import type { Locality } from '../model/locality.js';
import { localityLabel } from './format-preview.js';

/** A Vega-Lite specification. */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const CONFIG = { font: 'DejaVu Sans, Helvetica, Arial, sans-serif', view: { stroke: null } };
const PERCENT_AXIS = { format: '.0%' };
const NO_HOST = 'no healthy upstream';
const NO_HOST_COLOR = '#9e9e9e';
/** Vega's tableau20, for the priorities (repeated past 20). */
const PALETTE = [
  '#4c78a8',
  '#f58518',
  '#e45756',
  '#72b7b2',
  '#54a24b',
  '#eeca3b',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
  '#bab0ac',
  '#9ecae9',
  '#ffbf79',
  '#ff9d98',
  '#88d27a',
  '#83bcb6',
  '#f2cf5b',
  '#d6a5c9',
  '#fcbfd2',
  '#d8b5a5',
  '#79706e',
];

function group(priority: number, locality: Locality): string {
  const name = localityLabel(locality);
  return name === '' ? `P${priority}` : `P${priority} ${name}`;
}

/** Share of requests per host (and "no healthy upstream"), coloured by priority and locality. */
export function splitChart(p: Preview): VegaLiteSpec {
  const values: Record<string, unknown>[] = p.hosts.map((h) => ({
    host: h.address,
    group: group(h.priority, h.locality),
    health: h.healthStatus,
    share: h.share,
  }));
  if (p.noHostShare > 0) {
    values.push({ host: NO_HOST, group: NO_HOST, health: '-', share: p.noHostShare });
  }
  return {
    $schema: SCHEMA,
    title: { text: `${p.cluster}: share of requests`, subtitle: `${p.lbPolicy}, exact` },
    data: { values },
    width: 420,
    encoding: {
      y: { field: 'host', type: 'nominal', sort: null, title: null },
      x: {
        field: 'share',
        type: 'quantitative',
        axis: PERCENT_AXIS,
        title: 'share of requests',
        scale: { domain: [0, Math.max(0.01, ...values.map((v) => v.share as number)) * 1.15] },
      },
    },
    layer: [
      {
        mark: 'bar',
        encoding: {
          color: { field: 'group', type: 'nominal', title: 'priority / locality' },
          tooltip: [
            { field: 'host' },
            { field: 'group' },
            { field: 'health' },
            { field: 'share', format: '.4%' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { text: { field: 'share', type: 'quantitative', format: '.1%' } },
      },
    ],
    config: CONFIG,
  };
}

/** Share of requests per priority (and no host) as the hosts of one priority fail one by one. */
export function prioritySpillChart(steps: readonly SpillStep[], priority = 0): VegaLiteSpec {
  const values = steps.flatMap((step) => [
    ...step.preview.priorities.map((x) => ({
      available: step.available,
      target: `P${x.priority}${x.panic ? ' (panic)' : ''}`,
      priority: `P${x.priority}`,
      rank: x.priority,
      share: x.share,
    })),
    {
      available: step.available,
      target: 'no healthy upstream',
      priority: '503',
      share: step.preview.noHostShare,
    },
  ]);
  const cluster = steps[0]?.preview.cluster ?? '';
  const priorities = (steps[0]?.preview.priorities ?? []).map((x) => `P${x.priority}`);
  return {
    $schema: SCHEMA,
    title: {
      text: `${cluster}: priority spill`,
      subtitle: `share of requests by priority as P${priority} hosts fail`,
    },
    data: { values },
    width: 420,
    mark: 'bar',
    encoding: {
      x: {
        field: 'available',
        type: 'ordinal',
        sort: 'descending',
        title: `available hosts in P${priority}`,
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'share',
        type: 'quantitative',
        axis: PERCENT_AXIS,
        title: 'share of requests',
        stack: 'zero',
      },
      color: {
        field: 'priority',
        type: 'nominal',
        title: 'served by',
        scale: {
          domain: [...priorities, NO_HOST],
          range: [...priorities.map((_, i) => PALETTE[i % PALETTE.length]), NO_HOST_COLOR],
        },
      },
      order: { field: 'rank' },
      tooltip: [{ field: 'available' }, { field: 'target' }, { field: 'share', format: '.2%' }],
    },
    config: CONFIG,
  };
}

/**
 * Consistent hashing: the share of its priority's hash space each host owns, next to its
 * normalized weight in that table (what perfect hashing would give).
 */
export function ownershipChart(p: Preview): VegaLiteSpec {
  const inTable = p.hosts.filter((h) => (h.tableWeight ?? 0) > 0 || (h.ownership ?? 0) > 0);
  const values = inTable.flatMap((h) => [
    {
      host: h.address,
      measure: 'owned hash space',
      value: h.ownership,
      priority: `P${h.priority}`,
    },
    { host: h.address, measure: 'weight share', value: h.tableWeight, priority: `P${h.priority}` },
  ]);
  const table = p.tables[0];
  return {
    $schema: SCHEMA,
    title: {
      text: `${p.cluster}: key-space ownership`,
      subtitle: table
        ? `${table.kind}, ${table.size} ${table.kind === 'ring' ? 'points' : 'slots'} at P0`
        : p.lbPolicy,
    },
    data: { values },
    width: 420,
    mark: 'bar',
    encoding: {
      y: { field: 'host', type: 'nominal', sort: null, title: null },
      yOffset: { field: 'measure' },
      x: {
        field: 'value',
        type: 'quantitative',
        axis: PERCENT_AXIS,
        title: 'share within its priority',
      },
      color: { field: 'measure', type: 'nominal', title: null },
      tooltip: [
        { field: 'host' },
        { field: 'priority' },
        { field: 'measure' },
        { field: 'value', format: '.4%' },
      ],
    },
    config: CONFIG,
  };
}
