/**
 * Printing the run: one table row per case (median and mean ns per pick, Mpicks/s at the median,
 * relative margin of error of the mean), then the ratios the issue asks for (of medians), and
 * PASS/MISS per performance target.
 */
import type { BenchCase } from './bench-case.js';
import { SIZES } from './bench-case.js';
import type { Check, Timing, Timings } from './checks.js';
import { check, fmt, printChecks } from './checks.js';

const POLICIES: readonly { key: string; name: string }[] = [
  { key: 'rr', name: 'round robin' },
  { key: 'wrr', name: 'weighted round robin' },
  { key: 'random', name: 'random' },
  { key: 'p2c', name: 'least request P2C' },
  { key: 'wlr', name: 'weighted least request' },
];

/** The table of every case that ran. */
export function printTable(cases: readonly BenchCase[], timings: Timings): void {
  const header = ['case', 'hosts', 'ns/pick', 'mean', 'Mpicks/s', '±rme', 'samples'];
  const rows = cases
    .filter((c) => timings.has(c.id))
    .map((c) => {
      const t = timings.get(c.id) as Timing;
      return [
        c.label,
        String(c.hosts),
        fmt(t.nsPerOp, 2),
        fmt(t.meanNsPerOp, 2),
        fmt(1000 / t.nsPerOp, 1),
        `${fmt(t.rme, 2)}%`,
        String(t.samples),
      ];
    });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function targetChecks(timings: Timings): Check[] {
  const t: Check[] = [];
  for (const [kind, what] of [
    ['full', 'full path'],
    ['bare', 'bare pick'],
  ] as const) {
    t.push(
      check(
        timings,
        `weighted RR ${what} @1000 / bare heap, FIFO ties`,
        `${kind}/wrr/1000`,
        'bound/heap-fifo/1000',
        1.5,
      ),
      check(
        timings,
        `grpc-js WRR picker @1000 / weighted RR ${what} (times faster)`,
        'peer/grpc-wrr/1000',
        `${kind}/wrr/1000`,
        -3,
      ),
    );
    for (const n of SIZES) {
      t.push(
        check(
          timings,
          `round robin ${what} @${n} / bare counter`,
          `${kind}/rr/${n}`,
          `bound/counter/${n}`,
          2,
        ),
      );
    }
  }
  for (const p of POLICIES) {
    for (const n of SIZES) {
      t.push(
        check(
          timings,
          `${p.name} @${n}: full path / bare pick`,
          `full/${p.key}/${n}`,
          `bare/${p.key}/${n}`,
          2,
        ),
      );
    }
  }
  return t;
}

function infoChecks(timings: Timings): Check[] {
  const i: Check[] = [];
  for (const n of SIZES) {
    i.push(
      check(timings, `weighted RR full path @${n} / bare heap`, `full/wrr/${n}`, `bound/heap/${n}`),
      check(timings, `weighted RR bare EDF @${n} / bare heap`, `bare/wrr/${n}`, `bound/heap/${n}`),
      check(
        timings,
        `weighted RR bare EDF @${n} / FIFO heap`,
        `bare/wrr/${n}`,
        `bound/heap-fifo/${n}`,
      ),
      check(timings, `FIFO heap @${n} / bare heap`, `bound/heap-fifo/${n}`, `bound/heap/${n}`),
      check(
        timings,
        `grpc-js WRR picker @${n} / weighted RR full path (times faster)`,
        `peer/grpc-wrr/${n}`,
        `full/wrr/${n}`,
      ),
    );
  }
  for (const n of SIZES) {
    i.push(
      check(
        timings,
        `grpc-js RR picker @${n} / round robin full path`,
        `peer/grpc-rr/${n}`,
        `full/rr/${n}`,
      ),
      check(
        timings,
        `load-balancers P2C @${n} / P2C full path`,
        `peer/lb-p2c/${n}`,
        `full/p2c/${n}`,
      ),
    );
  }
  return i;
}

/** Ratios and targets; returns the number of missed targets. */
export function printRatios(timings: Timings): number {
  const targets = targetChecks(timings);
  printChecks('Ratios (ns per pick, left / right)', infoChecks(timings));
  printChecks('Targets', targets);
  return targets.filter((t) => t.pass === false).length;
}
