/**
 * The `envoy-upstream-sim` command line (Node only): its commands and options. Diagnostics go to stderr; `--json` output is
 * the only thing on stdout. Exit status: 0 done, 1 bad configuration or value, 2 bad usage.
 */
import { Command, Option } from 'commander';
import type { UnknownFieldMode } from '../config/proto-reader.js';
import { parseCount, parseHeader, parseResolve } from './parse-options.js';
import type { ExplainFlags, Io, SampleFlags, ScenarioFlags } from './traffic-commands.js';
import { addScenarioOptions, runExplain, runPreview, runSample } from './traffic-commands.js';
import type { ChartKind } from './render-chart.js';
import { ChartError, checkChartFile } from './render-chart.js';
import { validate } from './validate.js';

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Runs the command line on `argv` (without node and the script); resolves to the exit status. */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  let status: number | Promise<number> = 0;
  const program = new Command()
    .name('envoy-upstream-sim')
    .description("Envoy's upstream load balancing, offline and exact")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('validate')
    .description(
      'check Envoy configuration files (Cluster, ClusterLoadAssignment, DiscoveryResponse, bootstrap) as Envoy would',
    )
    .argument('<files...>', 'YAML or JSON files')
    .option('--json', 'print one JSON object {ok, issues} on stdout')
    .option(
      '--resolve <name=ip,…>',
      'DNS answers for STRICT_DNS / LOGICAL_DNS hostnames (repeatable)',
      parseResolve,
      {},
    )
    .addOption(
      new Option(
        '--unknown-fields <mode>',
        'unknown fields: error, warn or ignore (default: Envoy’s, by input kind)',
      ).choices(['error', 'warn', 'ignore']),
    )
    .option('--v2', 'convert removed v2 fields (a cluster’s hosts:) instead of rejecting them')
    .action(
      (
        files: string[],
        opts: {
          json?: boolean;
          resolve: Record<string, string[]>;
          unknownFields?: UnknownFieldMode;
          v2?: boolean;
        },
      ) => {
        status = validate(
          files,
          {
            json: opts.json === true,
            load: {
              resolve: opts.resolve,
              v2: opts.v2 === true,
              ...(opts.unknownFields ? { unknownFields: opts.unknownFields } : {}),
            },
          },
          io.out,
        );
      },
    );
  addScenarioOptions(
    program
      .command('preview')
      .description(
        'the exact share of requests each priority, locality and host receives, and the share that finds no host',
      ),
  )
    .option('--chart <file>', 'also draw a chart to an .svg or .png file')
    .addOption(
      new Option(
        '--chart-kind <kind>',
        'split: per host; spill: P0 hosts failing one by one; ownership: hash space',
      )
        .choices(['split', 'spill', 'ownership'])
        .default('split'),
    )
    .action((files: string[], opts: ScenarioFlags & { chart?: string; chartKind: ChartKind }) => {
      if (opts.chart !== undefined) checkChartFile(opts.chart);
      status = runPreview(files, opts, io);
    });
  addScenarioOptions(
    program
      .command('explain')
      .description('why one request goes to one host: the chain of decisions'),
  )
    .option(
      '--key <string>',
      'hash this string (xxHash64), as a header or cookie hash policy would',
    )
    .option(
      '--header <name=value>',
      'hash policy on this header, with this value (repeatable)',
      parseHeader,
      {},
    )
    .option('--source-ip <ip>', 'hash policy on the downstream source IP')
    .option('--hash <uint64>', 'the request hash itself, decimal or 0x-hex')
    .option('--seed <n>', 'seed of the random draws', parseCount, 0)
    .option('--pick <n>', 'explain the n-th pick of the seeded sequence (0 = first)', parseCount, 0)
    .action((files: string[], opts: ExplainFlags) => {
      status = runExplain(files, opts, io);
    });
  addScenarioOptions(
    program
      .command('sample')
      .description('seeded picks through the real pick path, counted per host'),
  )
    .requiredOption('--requests <n>', 'number of picks', parseCount)
    .option('--seed <n>', 'seed of the random draws', parseCount, 0)
    .action((files: string[], opts: SampleFlags) => {
      status = runSample(files, opts, io);
    });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof ChartError) {
      io.err(`× ${error.message}\n`);
      return 2;
    }
    const code = (error as { exitCode?: number }).exitCode;
    if (code === undefined) throw error;
    return code === 0 ? 0 : 2;
  }
  return status;
}
