/**
 * `npm run demo`: a cluster with three priorities and two localities, some hosts unhealthy or
 * degraded, run through the engine. Prints the priority loads and panic state Envoy would compute,
 * the locality shares, and a histogram of 100 000 seeded picks through the real pick path.
 */
import {
  PickTrace,
  buildPrioritySet,
  commonLbConfig,
  createCluster,
  createLoadBalancer,
  createSeededRng,
  localityName,
  roundRobinConfig,
} from '../src/index.js';
import type { HealthStatus, LocalityLbEndpointsInit } from '../src/index.js';

const SEED = 42;
const PICKS = 100_000;

function group(
  priority: number,
  zone: string,
  weight: number,
  hosts: [string, HealthStatus, number?][],
): LocalityLbEndpointsInit {
  return {
    priority,
    locality: { region: 'us-east-1', zone },
    loadBalancingWeight: weight,
    hosts: hosts.map(([address, healthStatus, w]) => ({ address, healthStatus, weight: w ?? 1 })),
  };
}

const cluster = createCluster({
  name: 'payments',
  commonLbConfig: commonLbConfig({ localityWeightedLb: true }),
  lbPolicy: roundRobinConfig(),
  endpoints: [
    group(0, 'us-east-1a', 1, [
      ['10.0.0.1:8080', 'HEALTHY'],
      ['10.0.0.2:8080', 'HEALTHY', 2],
      ['10.0.0.3:8080', 'UNHEALTHY'],
    ]),
    group(0, 'us-east-1b', 2, [
      ['10.0.1.1:8080', 'UNHEALTHY'],
      ['10.0.1.2:8080', 'DEGRADED'],
      ['10.0.1.3:8080', 'TIMEOUT'],
    ]),
    group(1, 'us-east-1a', 1, [
      ['10.1.0.1:8080', 'HEALTHY'],
      ['10.1.0.2:8080', 'DEGRADED'],
    ]),
    group(1, 'us-east-1b', 1, [
      ['10.1.1.1:8080', 'UNHEALTHY'],
      ['10.1.1.2:8080', 'DRAINING'],
    ]),
    group(2, 'us-east-1a', 1, [
      ['10.2.0.1:8080', 'TIMEOUT'],
      ['10.2.0.2:8080', 'UNHEALTHY'],
    ]),
  ],
});

const prioritySet = buildPrioritySet(cluster);
const lb = createLoadBalancer(prioritySet, cluster.commonLbConfig, cluster.lbPolicy, {
  rng: createSeededRng(SEED, 'lb'),
});
const load = lb.priorityLoad;

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]): string => r.map((v, c) => v.padStart(widths[c])).join('  ');
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

console.log(
  `cluster ${cluster.name}: ${cluster.lbPolicy.policy}, overprovisioning factor ${cluster.overprovisioningFactor}, panic threshold ${load.panicThreshold}%`,
);
console.log(`normalized total health ${load.normalizedTotalHealth}\n`);
console.log(
  table(
    [
      'priority',
      'hosts',
      'healthy',
      'degraded',
      'excluded',
      'health',
      'degraded%',
      'healthy load',
      'degraded load',
      'panic',
    ],
    prioritySet.hostSets.map((hs, p) => [
      `P${p}`,
      hs.hosts.length,
      hs.healthy.length,
      hs.degraded.length,
      hs.excluded.length,
      load.health[p],
      load.degraded[p],
      `${load.healthyLoad[p]}%`,
      `${load.degradedLoad[p]}%`,
      load.panic[p] ? 'yes' : 'no',
    ]),
  ),
);

console.log('\nlocality shares (effective weight = weight × min(1, OPF × healthy fraction))');
const localityRows: (string | number)[][] = [];
prioritySet.hostSets.forEach((hs, p) => {
  const effective = lb.localityWeights(p);
  if (!effective) return;
  const total = effective.reduce((s, w) => s + w, 0);
  hs.hostsPerLocality.forEach((hosts, i) => {
    localityRows.push([
      `P${p}`,
      localityName(prioritySet.hosts[hosts[0]].locality),
      hs.localityWeights?.[i] ?? 0,
      effective[i].toFixed(3),
      total > 0 ? pct(effective[i] / total) : '-',
    ]);
  });
});
console.log(
  table(['priority', 'locality', 'weight', 'effective', 'share of healthy picks'], localityRows),
);

const counts = new Map<number, number>();
const trace = new PickTrace();
let degradedPicks = 0;
for (let i = 0; i < PICKS; i++) {
  const host = lb.chooseHost(undefined, trace);
  counts.set(host, (counts.get(host) ?? 0) + 1);
  if (trace.degraded) degradedPicks++;
}
console.log(`\n${PICKS} picks, seed ${SEED} (${degradedPicks} landed in a degraded bucket)`);
console.log(
  table(
    ['host', 'priority', 'locality', 'health', 'weight', 'picks', 'share'],
    [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([h, n]) => {
        const host = h >= 0 ? prioritySet.hosts[h] : null;
        return host
          ? [
              host.address,
              `P${host.priority}`,
              host.locality.zone,
              host.healthStatus,
              host.weight,
              n,
              pct(n / PICKS),
            ]
          : ['(no healthy upstream)', '-', '-', '-', '-', n, pct(n / PICKS)];
      }),
  ),
);
