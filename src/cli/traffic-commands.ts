/**
 * `preview`, `explain` and `sample`: the command line's main job. Each loads the files as one
 * configuration (errors and warnings on stderr, exit 1 on errors), picks the cluster, applies the
 * what-if options, and prints text or, with `--json`, exactly one JSON object on stdout.
 */
import { isIP } from 'node:net';
import type { Command } from 'commander';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { explain } from '../analysis/explain.js';
import { preview } from '../analysis/preview.js';
import { sample } from '../analysis/sample.js';
import type { ScenarioOptions } from '../analysis/scenario.js';
import { formatIssue } from '../config/issues.js';
import type { LoadResult } from '../config/load-config.js';
import type { UnknownFieldMode } from '../config/proto-reader.js';
import { xxHash64Decimal } from '../hash/hash-string.js';
import type { Locality } from '../model/locality.js';
import {
  formatExplanation,
  formatPreview,
  formatSample,
  previewJson,
} from '../report/format-preview.js';
import type { HashPolicy } from '../route/hash-policy.js';
import { loadFiles } from './load-files.js';
import {
  parseHostNumber,
  parseHosts,
  parseLocality,
  parsePriority,
  parseResolve,
  parseRuntime,
} from './parse-options.js';
import type { ChartKind } from './render-chart.js';
import { ChartError, chartSpec, renderChart } from './render-chart.js';

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Options every traffic command shares. */
export interface ScenarioFlags {
  readonly cluster?: string;
  readonly resolve: Record<string, string[]>;
  readonly runtime: Record<string, number | boolean>;
  readonly unknownFields?: UnknownFieldMode;
  readonly v2?: boolean;
  readonly healthy: string[];
  readonly unhealthy: string[];
  readonly degraded: string[];
  readonly draining: string[];
  readonly timeout: string[];
  readonly ejected: string[];
  readonly weight: Record<string, number>;
  readonly failLocality: Partial<Locality>[];
  readonly failPriority: number[];
  readonly active: Record<string, number>;
  readonly json?: boolean;
}

/** Adds the shared options to a command. */
export function addScenarioOptions(command: Command): Command {
  const hosts = (flag: string, what: string): Option =>
    new Option(`--${flag} <ip:port,…>`, what).argParser(parseHosts).default([]);
  return command
    .argument('<files...>', 'YAML or JSON files (Cluster, ClusterLoadAssignment, bootstrap, …)')
    .option('--cluster <name>', 'the cluster to look at (default: the first one)')
    .option(
      '--resolve <name=ip,…>',
      'DNS answers for STRICT_DNS / LOGICAL_DNS (repeatable)',
      parseResolve,
      {},
    )
    .option(
      '--runtime <key=value>',
      'a runtime value, e.g. upstream.healthy_panic_threshold=20 (repeatable)',
      parseRuntime,
      {},
    )
    .addOption(hosts('healthy', 'mark hosts HEALTHY'))
    .addOption(hosts('unhealthy', 'mark hosts UNHEALTHY'))
    .addOption(hosts('degraded', 'mark hosts DEGRADED'))
    .addOption(hosts('draining', 'mark hosts DRAINING (unhealthy and excluded)'))
    .addOption(hosts('timeout', 'mark hosts TIMEOUT'))
    .addOption(hosts('ejected', 'eject hosts as outlier detection would'))
    .option('--weight <ip:port=N>', 'change a host weight (repeatable)', parseHostNumber, {})
    .option(
      '--fail-locality <region[/zone[/sub_zone]]>',
      'mark every host of a locality UNHEALTHY (repeatable)',
      parseLocality,
      [],
    )
    .option(
      '--fail-priority <N>',
      'mark every host of a priority UNHEALTHY (repeatable)',
      parsePriority,
      [],
    )
    .option(
      '--active <ip:port=N>',
      'active requests of a host (least request, bounded load; repeatable)',
      parseHostNumber,
      {},
    )
    .addOption(
      new Option('--unknown-fields <mode>', 'unknown fields: error, warn or ignore').choices([
        'error',
        'warn',
        'ignore',
      ]),
    )
    .option('--v2', 'convert removed v2 fields (a cluster’s hosts:) instead of rejecting them')
    .option('--json', 'print exactly one JSON object on stdout');
}

/** Loads the configuration; prints its issues on stderr. Null when it has errors. */
function load(files: readonly string[], flags: ScenarioFlags, io: Io): LoadResult | null {
  const { result, issues, ok } = loadFiles(files, {
    resolve: flags.resolve,
    v2: flags.v2 === true,
    ...(flags.unknownFields ? { unknownFields: flags.unknownFields } : {}),
  });
  for (const issue of issues) io.err(`${formatIssue(issue)}\n`);
  return ok ? result : null;
}

function scenarioOptions(flags: ScenarioFlags): ScenarioOptions {
  return {
    ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
    runtime: flags.runtime,
    activeRequests: flags.active,
    whatIf: {
      healthy: flags.healthy,
      unhealthy: flags.unhealthy,
      degraded: flags.degraded,
      draining: flags.draining,
      timeout: flags.timeout,
      ejected: flags.ejected,
      weights: flags.weight,
      failLocalities: flags.failLocality,
      failPriorities: flags.failPriority,
    },
  };
}

/** Runs `body` on the loaded configuration; a RangeError (a bad name or value) is a user error. */
async function withConfig(
  files: readonly string[],
  flags: ScenarioFlags,
  io: Io,
  body: (config: LoadResult, options: ScenarioOptions) => void | Promise<void>,
): Promise<number> {
  const config = load(files, flags, io);
  if (!config) return 1;
  if (flags.cluster === undefined && config.clusters.length > 1) {
    const names = config.clusters.map((c) => c.name).join(', ');
    io.err(
      `! ${config.clusters.length} clusters loaded (${names}); using '${config.clusters[0].name}' — choose with --cluster\n`,
    );
  }
  try {
    await body(config, scenarioOptions(flags));
    return 0;
  } catch (error) {
    if (error instanceof RangeError || error instanceof ChartError) {
      io.err(`× ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export function runPreview(
  files: readonly string[],
  flags: ScenarioFlags & { readonly chart?: string; readonly chartKind: ChartKind },
  io: Io,
): Promise<number> {
  return withConfig(files, flags, io, async (config, options) => {
    const p = preview(config, options);
    if (flags.chart !== undefined) {
      await renderChart(chartSpec(p, flags.chartKind, config, options), flags.chart);
      io.err(`chart written to ${flags.chart}\n`);
    }
    io.out(flags.json ? `${JSON.stringify(previewJson(p))}\n` : formatPreview(p));
  });
}

export interface ExplainFlags extends ScenarioFlags {
  readonly key?: string;
  readonly header: Record<string, string>;
  readonly sourceIp?: string;
  readonly hash?: string;
  readonly pick: number;
  readonly seed: number;
}

export function runExplain(files: readonly string[], flags: ExplainFlags, io: Io): Promise<number> {
  return withConfig(files, flags, io, (config, options) => {
    if (flags.sourceIp !== undefined && isIP(flags.sourceIp) === 0) {
      throw new RangeError(`--source-ip ${flags.sourceIp}: not an IPv4 or IPv6 address`);
    }
    const hashPolicy: HashPolicy[] = Object.keys(flags.header).map((headerName) => ({
      header: { headerName },
    }));
    if (flags.sourceIp !== undefined) hashPolicy.push({ connectionProperties: { sourceIp: true } });
    const hash = flags.key !== undefined ? xxHash64Decimal(flags.key) : flags.hash;
    const e = explain(config, {
      ...options,
      seed: flags.seed,
      pick: flags.pick,
      ...(hash === undefined ? {} : { hash }),
      ...(hashPolicy.length === 0
        ? {}
        : {
            hashPolicy,
            request: {
              headers: flags.header,
              ...(flags.sourceIp === undefined ? {} : { sourceAddress: flags.sourceIp }),
            },
          }),
    });
    io.out(flags.json ? `${JSON.stringify(e)}\n` : formatExplanation(e));
  });
}

export interface SampleFlags extends ScenarioFlags {
  readonly requests: number;
  readonly seed: number;
}

/** Runs at least this many picks before a progress bar is worth showing. */
const PROGRESS_FROM = 200_000;

export function runSample(files: readonly string[], flags: SampleFlags, io: Io): Promise<number> {
  return withConfig(files, flags, io, (config, options) => {
    const bar =
      flags.requests >= PROGRESS_FROM
        ? new SingleBar({
            stream: process.stderr,
            format: 'sampling [{bar}] {percentage}% {value}/{total}',
          })
        : null;
    bar?.start(flags.requests, 0);
    let result;
    try {
      result = sample(config, {
        ...options,
        requests: flags.requests,
        seed: flags.seed,
        ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
      });
    } finally {
      bar?.stop();
    }
    io.out(flags.json ? `${JSON.stringify(result)}\n` : formatSample(result));
  });
}
