/**
 * Printing the hashing run: one table row per case (median and mean ns per operation, Mops/s at
 * the median, relative margin of error), the ratios of medians with PASS/MISS per target, the
 * crossover length of pure-JS XXH64 against xxhash-wasm, and the table-build times.
 */
import type { Check, Timing, Timings } from '../harness/checks.js';
import { check, fmt, printChecks, ratio } from '../harness/checks.js';
import type { BuildTiming } from './builds.js';
import { SWEEP_LENGTHS } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';

function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** The table of every case that ran. */
export function printTable(cases: readonly HashingCase[], timings: Timings): void {
  const rows = cases
    .filter((c) => timings.has(c.id))
    .map((c) => {
      const t = timings.get(c.id) as Timing;
      return [
        c.label,
        c.id,
        fmt(t.nsPerOp, 2),
        fmt(t.meanNsPerOp, 2),
        fmt(1000 / t.nsPerOp, 1),
        `${fmt(t.rme, 2)}%`,
        String(t.samples),
      ];
    });
  printRows(['case', 'id', 'ns/op', 'mean', 'Mops/s', '±rme', 'samples'], rows);
}

const KEY_KINDS = ['user', 'ipv4', 'ua40', 'k200'] as const;

function targetChecks(t: Timings): Check[] {
  return [
    check(t, 'Maglev table.chooseHost / bare read', 'maglev/table', 'maglev/bound', 3.5),
    check(t, 'Maglev lb.chooseHost / bare read', 'maglev/lb', 'maglev/bound', 3.5),
    check(t, 'ring.chooseHost (1M) / bare lower_bound', 'ring/choose', 'ring/lower-bound', 1.3),
    ...KEY_KINDS.map((k) =>
      check(t, `xxHash64String / h64, ${k}`, `hash/ours/${k}`, `hash/h64/${k}`, 1.2),
    ),
  ];
}

function infoChecks(t: Timings): Check[] {
  const info: Check[] = [
    check(t, 'Maglev lb.chooseHost / table.chooseHost', 'maglev/lb', 'maglev/table'),
    check(t, 'ring lb.chooseHost / ring.chooseHost', 'ring/lb', 'ring/choose'),
    check(t, 'Eytzinger search / bare lower_bound', 'ring/eytzinger', 'ring/lower-bound'),
    check(t, 'ring.chooseHost / Eytzinger search', 'ring/choose', 'ring/eytzinger'),
  ];
  for (const k of KEY_KINDS) {
    info.push(
      check(t, `xxHash64String / h64Raw (bytes), ${k}`, `hash/ours/${k}`, `hash/h64raw/${k}`),
      check(t, `xxHash64 (bytes) / xxHash64String, ${k}`, `hash/ours-raw/${k}`, `hash/ours/${k}`),
      check(t, `h64Raw (bytes) / h64, ${k}`, `hash/h64raw/${k}`, `hash/h64/${k}`),
    );
  }
  info.push(
    check(t, 'hashring get (miss) / ours string→ring pick', 'peer/hashring-get', 'peer/ours-ring'),
    check(t, 'hashring find(hashValue) / ours string→ring', 'peer/hashring-find', 'peer/ours-ring'),
    check(t, 'ours string→lb pick / string→ring pick', 'peer/ours-lb', 'peer/ours-ring'),
  );
  for (const n of SWEEP_LENGTHS) {
    info.push(check(t, `xxHash64String / h64, ${n} B`, `sweep/ours/${n}`, `sweep/h64/${n}`));
  }
  return info;
}

/** The first sweep length from which pure JS is slower than h64 at every longer length. */
function printCrossover(t: Timings): void {
  const ratios = SWEEP_LENGTHS.map((n) => ratio(t, `sweep/ours/${n}`, `sweep/h64/${n}`));
  if (ratios.some((r) => Number.isNaN(r))) return;
  let from = -1;
  for (let i = ratios.length - 1; i >= 0 && ratios[i] > 1; i--) from = i;
  if (from < 0) {
    console.log(
      `\nCrossover: xxHash64String is not slower than h64 up to ${SWEEP_LENGTHS.at(-1)} B`,
    );
  } else if (from === 0) {
    console.log(`\nCrossover: xxHash64String is slower than h64 at every length swept`);
  } else {
    console.log(
      `\nCrossover: xxHash64String is slower than h64 from ${SWEEP_LENGTHS[from]} B on ` +
        `(faster at ${SWEEP_LENGTHS[from - 1]} B)`,
    );
  }
}

/** Ratios, targets and crossover; returns the number of missed targets. */
export function printRatios(timings: Timings): number {
  const targets = targetChecks(timings);
  printChecks('Ratios (ns per operation, left / right)', infoChecks(timings));
  printChecks('Targets', targets);
  printCrossover(timings);
  return targets.filter((c) => c.pass === false && !Number.isNaN(c.value)).length;
}

/** The table-build times. */
export function printBuilds(builds: readonly BuildTiming[]): void {
  console.log('\nTable builds (ms per build)');
  printRows(
    ['build', 'entries', 'median ms', 'mean ms', 'min ms', 'samples'],
    builds.map((b) => [
      b.label,
      String(b.entries),
      fmt(b.medianMs, 2),
      fmt(b.meanMs, 2),
      fmt(b.minMs, 2),
      String(b.samples),
    ]),
  );
}
