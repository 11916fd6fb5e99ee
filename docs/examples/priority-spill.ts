/**
 * Seed §4.12 (priority levels): `overprovisioning_factor: 150`, `healthy_panic_threshold: 49`,
 * webservice1 (three hosts) at priority 0 and webservice2 (two) at priority 1. The tutorial failed
 * the health check of one priority-0 host and saw no traffic leave priority 0; after a second
 * failure, responses came from priority 1 too. Run: `npx tsx docs/examples/priority-spill.ts`.
 */
import assert from 'node:assert/strict';
import { preview } from '../../src/index.js';
import { isMain, loadSeed } from './load-seed.js';

const config = loadSeed('priority-levels.yaml', {
  webservice1: ['172.31.29.11', '172.31.29.12', '172.31.29.13'],
  webservice2: ['172.31.29.14', '172.31.29.15'],
});

const shares = (unhealthy: string[]): Record<string, number> =>
  Object.fromEntries(
    preview(config, { whatIf: { unhealthy } }).hosts.map((h) => [h.address, h.share]),
  );

/** All healthy, one P0 host down, two down. */
export const allUp: Record<string, number> = shares([]);
export const oneDown: Record<string, number> = shares(['172.31.29.11:80']);
export const twoDown: Record<string, number> = shares(['172.31.29.11:80', '172.31.29.12:80']);

// One down: P0 health = min(100, 150 × 2/3) = 100 — every request stays in priority 0.
assert.equal(oneDown['172.31.29.14:80'] + oneDown['172.31.29.15:80'], 0);
assert.equal(oneDown['172.31.29.12:80'], 0.5);
// Two down: P0 health = ⌊150 × 1/3⌋ = 50 — half the requests spill to priority 1. Panic (49) does
// not apply: the normalized total health is 100.
assert.equal(twoDown['172.31.29.13:80'], 0.5);
assert.equal(twoDown['172.31.29.14:80'], 0.25);
assert.equal(twoDown['172.31.29.15:80'], 0.25);

if (isMain(import.meta.url)) console.log({ allUp, oneDown, twoDown });
