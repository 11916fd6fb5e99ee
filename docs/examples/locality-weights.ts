/**
 * Seed §4.13 and §4.14 (locality-weighted load balancing). §4.13: cn-north-1 (weight 1, one host)
 * and cn-north-2 (weight 2, two hosts) share traffic 1:2; when one cn-north-2 host fails, its
 * effective weight becomes 2 × min(1, 1.4 × 1/2) = 1.4 and the split 1:1.4. §4.14, the
 * experiment: weights 10 and 20 over three and two hosts; one coloured response per two plain ones,
 * then, after a webservice2 host failed, "the share of coloured responses rose" — to 10/24.
 * Run: `npx tsx docs/examples/locality-weights.ts`.
 */
import assert from 'node:assert/strict';
import { preview } from '../../src/index.js';
import type { Preview } from '../../src/index.js';
import { isMain, loadSeed } from './load-seed.js';

const localityShares = (p: Preview): number[] => p.localities.map((l) => l.share);

const example = loadSeed('locality-weights-1-2.yaml', {
  colored: ['172.31.30.11'],
  myservice: ['172.31.30.12', '172.31.30.13'],
});
export const exampleHealthy: Preview = preview(example);
export const exampleOneDown: Preview = preview(example, {
  whatIf: { unhealthy: ['172.31.30.13:80'] },
});

assert.deepEqual(
  exampleOneDown.localities.map((l) => l.effectiveWeight),
  [1, 1.4],
);
assert.ok(
  Math.abs(localityShares(exampleHealthy)[1] / localityShares(exampleHealthy)[0] - 2) < 1e-12,
);
assert.ok(
  Math.abs(localityShares(exampleOneDown)[1] / localityShares(exampleOneDown)[0] - 1.4) < 1e-12,
);

const experiment = loadSeed('locality-weighted-experiment.yaml', {
  webservice1: ['172.31.31.11', '172.31.31.12', '172.31.31.13'],
  webservice2: ['172.31.31.14', '172.31.31.15'],
});
export const experimentHealthy: Preview = preview(experiment);
export const experimentOneDown: Preview = preview(experiment, {
  whatIf: { unhealthy: ['172.31.31.14:80'] },
});

// One coloured (webservice1) response per two plain ones: 1/3 and 2/3.
assert.ok(Math.abs(localityShares(experimentHealthy)[0] - 1 / 3) < 1e-12);
// After the failure: 10 : 20 × 0.7 = 10 : 14, so coloured responses rise to 10/24.
assert.ok(Math.abs(localityShares(experimentOneDown)[0] - 10 / 24) < 1e-12);
// The remaining webservice2 host carries all of its locality's 14/24.
assert.ok(
  Math.abs(experimentOneDown.hosts.find((h) => h.address === '172.31.31.15:80')!.share - 14 / 24) <
    1e-12,
);

if (isMain(import.meta.url)) {
  console.log({
    example: [localityShares(exampleHealthy), localityShares(exampleOneDown)],
    experiment: [localityShares(experimentHealthy), localityShares(experimentOneDown)],
  });
}
