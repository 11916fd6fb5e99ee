/**
 * Seeded sampling through the real pick path: `requests` picks of the balancer Envoy would run,
 * every `random()` drawn from the seed's "lb" stream, counted per host, per priority and as "no
 * host". The same seed gives the same counts, and the counts agree with `preview` within
 * sampling error (exactly, over whole EDF windows, for weighted round robin).
 */
import type { LoadResult } from '../config/load-config.js';
import type { ClusterModel } from '../model/cluster.js';
import { createSeededRng } from '../random/seeded-rng.js';
import type { ScenarioOptions } from './scenario.js';
import { resolveScenario, scenarioBalancer } from './scenario.js';

/** Most picks one sample (or one explanation's warm-up) runs: about four minutes at 4 M picks/s. */
export const MAX_SAMPLE_REQUESTS = 1_000_000_000;

export interface SampleOptions extends ScenarioOptions {
  /** Number of picks, at most MAX_SAMPLE_REQUESTS. */
  readonly requests: number;
  /** Seed of the balancer's random stream; default 0. */
  readonly seed?: number;
  /** Called every `progressEvery` picks and at the end with the picks done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Default 65536. */
  readonly progressEvery?: number;
}

export interface SampleResult {
  readonly cluster: string;
  readonly seed: number;
  readonly requests: number;
  /** Hosts in the cluster's endpoint order (the order of `preview(...).hosts`). */
  readonly hosts: readonly { readonly address: string; readonly count: number }[];
  /** Picks per priority that found a host. */
  readonly priorities: readonly number[];
  /** Picks that found no host (HTTP 503 "no healthy upstream"). */
  readonly noHost: number;
}

/** Runs `requests` seeded picks; throws RangeError on a bad count or scenario. */
export function sample(input: ClusterModel | LoadResult, options: SampleOptions): SampleResult {
  const { requests } = options;
  if (!Number.isSafeInteger(requests) || requests < 0 || requests > MAX_SAMPLE_REQUESTS) {
    throw new RangeError(
      `requests: ${requests} is not a whole number of requests from 0 to ${MAX_SAMPLE_REQUESTS}`,
    );
  }
  const seed = options.seed ?? 0;
  const scenario = resolveScenario(input, options);
  const lb = scenarioBalancer(scenario, createSeededRng(seed, 'lb'));
  const hosts = scenario.prioritySet.hosts;
  const counts = new Float64Array(hosts.length);
  const perPriority = new Float64Array(lb.hosts.hostSets.length);
  const every = options.progressEvery ?? 65536;
  let noHost = 0;
  for (let i = 0; i < requests; i++) {
    const host = lb.chooseHost();
    if (host < 0) noHost++;
    else {
      counts[host]++;
      perPriority[hosts[host].priority]++;
    }
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, requests);
  }
  options.onProgress?.(requests, requests);
  return {
    cluster: scenario.cluster.name,
    seed,
    requests,
    hosts: hosts.map((h, i) => ({ address: h.address, count: counts[i] })),
    priorities: Array.from(perPriority),
    noHost,
  };
}
