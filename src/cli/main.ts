#!/usr/bin/env node
/**
 * The `envoy-upstream-sim` command line (Node only). Diagnostics go to stderr; `--json` output is
 * the only thing on stdout.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { UnknownFieldMode } from '../config/proto-reader.js';
import { validate } from './validate.js';

/** `name=ip,ip` pairs of `--resolve`, accumulated. */
function parseResolve(value: string, previous: Record<string, string[]>): Record<string, string[]> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected name=ip[,ip…]');
  const ips = value
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ips.length === 0) throw new InvalidArgumentError('expected at least one IP after =');
  return { ...previous, [value.slice(0, eq)]: ips };
}

export function main(argv: readonly string[]): number {
  let status = 0;
  const program = new Command()
    .name('envoy-upstream-sim')
    .description("Envoy's upstream load balancing, offline and exact")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
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
          (text) => process.stdout.write(text),
        );
      },
    );
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return code === undefined ? 2 : code === 0 ? 0 : 2;
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
