/**
 * `npm run demo`: the main job on a bundled example. The seed tutorial's §4.12 front proxy
 * (docs/examples/seeds/priority-levels.yaml: overprovisioning 150, panic threshold 49, three hosts at
 * priority 0 and two at priority 1, as Envoy's own YAML) is previewed exactly, then previewed
 * again after one and after two priority-0 hosts fail, each time with the difference explained —
 * the tutorial observed no spill after one failure and traffic reaching priority 1 after two.
 * Finally 100 000 seeded picks through the real pick path confirm the last split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  diff,
  formatDiff,
  formatPreview,
  formatSample,
  loadConfig,
  preview,
  sample,
} from '../src/index.js';

const FILE = join(import.meta.dirname, '../docs/examples/seeds/priority-levels.yaml');
/** The tutorial's docker-compose network: webservice1 and webservice2 are DNS aliases. */
const DNS = {
  webservice1: ['172.31.29.11', '172.31.29.12', '172.31.29.13'],
  webservice2: ['172.31.29.14', '172.31.29.15'],
};

const config = loadConfig({ text: readFileSync(FILE, 'utf8'), file: FILE }, { resolve: DNS });
if (!config.ok) {
  console.error(config.issues.map((i) => i.message).join('\n'));
  process.exit(1);
}

const steps: { title: string; unhealthy: string[] }[] = [
  { title: 'all hosts healthy', unhealthy: [] },
  { title: '172.31.29.11 fails its health check', unhealthy: ['172.31.29.11:80'] },
  {
    title: '172.31.29.12 fails too',
    unhealthy: ['172.31.29.11:80', '172.31.29.12:80'],
  },
];

let before = null;
for (const step of steps) {
  const now = preview(config, { whatIf: { unhealthy: step.unhealthy } });
  console.log(`── ${step.title} ${'─'.repeat(Math.max(0, 76 - step.title.length))}\n`);
  console.log(formatPreview(now));
  if (before) console.log(`what changed:\n${formatDiff(diff(before, now))}`);
  before = now;
}

const last = steps[steps.length - 1];
const picks = sample(config, {
  requests: 100_000,
  seed: 42,
  whatIf: { unhealthy: last.unhealthy },
});
console.log(`── the same through the real pick path ${'─'.repeat(38)}\n`);
console.log(formatSample(picks));
