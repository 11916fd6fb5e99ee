/**
 * `npm run bench [-- FILTER]`: the pick suite (`bench/run.ts`), then the consistent-hashing suite
 * (`bench/hashing/run.ts`), each in its own Node process so neither run's JIT state or garbage
 * affects the other. FILTER goes to both, so `npm run bench -- full/wrr` still runs only the
 * matching pick cases (and no hashing case), and `npm run bench -- ring/` only hashing cases.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const suites = ['../run.ts', './run.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

for (const suite of suites) {
  const { status, error } = spawnSync(
    process.execPath,
    ['--import', 'tsx', suite, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  if (error) throw error;
  if (status !== 0) {
    process.exitCode = status ?? 1;
    break;
  }
  console.log('');
}
