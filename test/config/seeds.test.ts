/**
 * Every cluster configuration of the seed tutorials (/work/shared/seeds, copied into
 * test/fixtures/seeds with the source file and section at the top of each fixture) loads, with
 * the DNS answers of the tutorial's docker-compose file for STRICT_DNS / LOGICAL_DNS clusters and
 * the v2 option for the old v2 configs; the key facts of each cluster are as the tutorial says.
 * Fixtures the tutorials publish broken are loaded as published too, and rejected as Envoy
 * rejects them. test/fixtures/envoy-examples holds configs modelled on Envoy's own examples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, localityName } from '../../src/index.js';
import type { ClusterModel, ConfigFileReader, ConfigInput, LoadResult } from '../../src/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

function fixture(name: string): ConfigInput {
  const dir = name.includes('/') ? '' : 'seeds/';
  return { text: readFileSync(join(FIXTURES, dir + name), 'utf8'), file: name };
}

/** A reader for the files a config references: container paths mapped to fixtures. */
function files(map: Readonly<Record<string, string>>): ConfigFileReader {
  return (path) => (map[path] === undefined ? undefined : fixture(map[path]));
}

/** DNS answers `name -> prefix.n` for each n. */
function dns(
  prefix: string,
  names: Readonly<Record<string, readonly number[]>>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(names).map(([name, hosts]) => [name, hosts.map((n) => `${prefix}.${n}`)]),
  );
}

/** One endpoint group as `P<priority> <region/zone/sub_zone> w<weight>: hosts`. */
function groups(c: ClusterModel): string[] {
  return c.endpoints.map(
    (g) =>
      `P${g.priority} ${localityName(g.locality)} w${g.loadBalancingWeight ?? '-'}: ${g.hosts
        .map((h) => (h.weight === 1 ? h.address : `${h.address}*${h.weight}`))
        .join(' ')}`,
  );
}

interface Facts {
  readonly name: string;
  readonly policy: string;
  readonly groups: readonly string[];
}

const facts = (r: LoadResult): Facts[] =>
  r.clusters.map((c) => ({ name: c.name, policy: c.lbPolicy.policy, groups: groups(c) }));

function loads(inputs: ConfigInput | ConfigInput[], options: Parameters<typeof loadConfig>[1]) {
  const r = loadConfig(inputs, options);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(r.ok).toBe(true);
  return r;
}

const warnings = (r: LoadResult): string[] =>
  r.issues.filter((i) => i.severity === 'warning').map((i) => `${i.code} ${i.path}`);

const SIDECAR = 'P0 // w-: 127.0.0.1:8080';

describe('seed 000 (EDS over REST-JSON, Envoy v2 fields)', () => {
  it('loads with the v2 option: the v2 hosts of eds_cluster become its endpoints', () => {
    const r = loads(fixture('000-rest-eds-v2.yaml'), { v2: true });
    expect(facts(r)).toEqual([
      { name: 'targetCluster', policy: 'ROUND_ROBIN', groups: [] },
      { name: 'eds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.20.70.205:7779'] },
    ]);
    expect(warnings(r)).toContain('V2_CONVERTED static_resources.clusters[1].hosts');
    expect(warnings(r)).toContain(
      'EDS_ASSIGNMENT_MISSING static_resources.clusters[0].eds_cluster_config',
    );
  });

  it('is rejected without the v2 option, as Envoy v3 rejects hosts', () => {
    const r = loadConfig(fixture('000-rest-eds-v2.yaml'));
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === 'error')).toMatchObject([
      { code: 'REMOVED_FIELD', path: 'static_resources.clusters[1].hosts' },
    ]);
  });
});

describe('seed 001 (file-based EDS and CDS, REST-JSON EDS)', () => {
  it('the static STRICT_DNS cluster of IP literals needs no DNS answers', () => {
    const r = loads(fixture('001-static-strict-dns.yaml'), {});
    expect(facts(r)).toEqual([
      {
        name: 'targetCluster',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 192.168.215.3:80 192.168.215.4:80'],
      },
    ]);
  });

  it('the EDS cluster takes its endpoints from eds.yaml, before and after the edit', () => {
    for (const [eds, hosts] of [
      ['001-eds-file-eds.yaml', '192.168.215.3:80'],
      ['001-eds-file-eds-updated.yaml', '192.168.215.3:80 192.168.215.4:80'],
    ] as const) {
      const r = loads(fixture('001-eds-file-envoy.yaml'), {
        readFile: files({ '/etc/envoy/eds.yaml': eds }),
      });
      expect(facts(r)).toEqual([
        { name: 'targetCluster', policy: 'ROUND_ROBIN', groups: [`P0 // w-: ${hosts}`] },
      ]);
      expect(warnings(r)).toEqual([]);
    }
  });

  it('envoy-dynamic.yaml takes its cluster from cds.yaml and the endpoints from eds.yaml', () => {
    const r = loads(fixture('001-cds-envoy-dynamic.yaml'), {
      readFile: files({
        '/etc/envoy/cds.yaml': '001-cds.yaml',
        '/etc/envoy/eds.yaml': '001-eds-file-eds-updated.yaml',
      }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'targetCluster',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 192.168.215.3:80 192.168.215.4:80'],
      },
    ]);
  });

  it('the REST-JSON EDS cluster has no endpoints until its server answers', () => {
    const r = loads(fixture('001-rest-eds-envoy.yaml'), {});
    expect(facts(r)).toEqual([
      { name: 'targetCluster', policy: 'ROUND_ROBIN', groups: [] },
      { name: 'xds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 192.168.0.112:8080'] },
    ]);
    expect(warnings(r)).toEqual([
      'unsupported_field static_resources.clusters[0].eds_cluster_config.eds_config.api_config_source',
      'EDS_ASSIGNMENT_MISSING static_resources.clusters[0].eds_cluster_config',
    ]);
  });

  it('the REST-JSON answer of the Flask server (a DiscoveryResponse) fills the EDS cluster', () => {
    const answer = JSON.stringify({
      version_info: '0',
      resources: [
        {
          '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
          cluster_name: 'myservice',
          endpoints: [
            {
              lb_endpoints: [8081, 8082, 8083, 8084, 8085].map((port, i) => ({
                endpoint: {
                  address: {
                    socket_address: { address: `192.168.215.${7 + i}`, port_value: port },
                  },
                },
              })),
            },
          ],
        },
      ],
      type_url: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
      nonce: '0',
    });
    const r = loads([fixture('001-rest-eds-envoy.yaml'), { text: answer }], {});
    expect(groups(r.clusters[0])).toEqual([
      'P0 // w-: 192.168.215.7:8081 192.168.215.8:8082 192.168.215.9:8083 192.168.215.10:8084 192.168.215.11:8085',
    ]);
  });
});

describe('seed 002 PART1 (xDS from files, gRPC and REST)', () => {
  it('§1.6 the front proxy reads webcluster from eds.yaml, one endpoint and then two', () => {
    for (const [eds, hosts] of [
      ['002-1.6-eds.yaml', '172.31.11.11:80'],
      ['002-1.6-eds-v2.yaml', '172.31.11.11:80 172.31.11.12:80'],
    ] as const) {
      const r = loads(fixture('002-1.6-front-proxy.yaml'), {
        readFile: files({ '/etc/envoy/eds.conf.d/eds.yaml': eds }),
      });
      expect(facts(r)).toEqual([
        { name: 'webcluster', policy: 'ROUND_ROBIN', groups: [`P0 // w-: ${hosts}`] },
      ]);
    }
  });

  it('the sidecar proxy used across the tutorial has one STATIC local host', () => {
    const r = loads(fixture('002-sidecar-proxy.yaml'), {});
    expect(facts(r)).toEqual([{ name: 'local_cluster', policy: 'ROUND_ROBIN', groups: [SIDECAR] }]);
    expect(warnings(r)).toEqual([]);
  });

  it('§1.7 the front proxy takes its clusters from cds.yaml, then from the edited one', () => {
    const resolve = dns('172.31.12', { webserver01: [11], webserver02: [12] });
    const first = loads(fixture('002-1.7-front-proxy.yaml'), {
      resolve,
      readFile: files({ '/etc/envoy/conf.d/cds.yaml': '002-1.7-cds.yaml' }),
    });
    expect(facts(first)).toEqual([
      {
        name: 'webcluster',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 172.31.12.11:80 172.31.12.12:80'],
      },
    ]);
    const second = loads(fixture('002-1.7-front-proxy.yaml'), {
      resolve,
      readFile: files({ '/etc/envoy/conf.d/cds.yaml': '002-1.7-cds-v2.yaml' }),
    });
    expect(facts(second)).toEqual([
      {
        name: 'webcluster',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 172.31.12.11:80 172.31.12.12:80'],
      },
      { name: 'webcluster02', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.31.12.11:80'] },
    ]);
  });

  it('§1.10 the gRPC front proxy: the static xds_cluster resolves xdsserver', () => {
    const r = loads(fixture('002-1.10-front-proxy.yaml'), {
      resolve: dns('172.31.15', { xdsserver: [5] }),
    });
    expect(facts(r)).toEqual([
      { name: 'xds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.31.15.5:18000'] },
    ]);
  });

  it('§1.10 the dumped dynamic cluster is EDS over gRPC, with no endpoints in the dump', () => {
    const r = loads(fixture('002-1.10-config-dump-dynamic-clusters.yaml'), {});
    expect(facts(r)).toEqual([{ name: 'webcluster', policy: 'ROUND_ROBIN', groups: [] }]);
  });

  it('§1.13 the REST front proxy loads once its YAML typo is fixed', () => {
    const r = loads(fixture('002-1.13-rest-front-proxy.yaml'), {
      resolve: dns('172.31.16', { xdsserver: [5] }),
    });
    expect(facts(r)).toEqual([
      { name: 'xds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.31.16.5:18001'] },
    ]);
  });

  it('§1.13 as published (`cluster_names: - xds_cluster`) is not YAML, for Envoy either', () => {
    const fixed = fixture('002-1.13-rest-front-proxy.yaml').text;
    const text = fixed.replace(
      'cluster_names:\n      - xds_cluster',
      'cluster_names: - xds_cluster',
    );
    expect(text).not.toBe(fixed);
    const line = text.split('\n').lastIndexOf('      cluster_names: - xds_cluster') + 1;
    expect(line).toBeGreaterThan(1);
    const r = loadConfig({ text });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'YAML_SYNTAX', line });
  });
});

describe('seed 002 PART3 (health checks and outlier detection)', () => {
  for (const [file, prefix, n] of [
    ['002-3.2-front-envoy.yaml', '172.31.18', 2],
    ['002-3.4-front-envoy.yaml', '172.31.18', 2],
    ['002-3.6-front-envoy.yaml', '172.31.20', 3],
  ] as const) {
    it(`${file}: myservice resolves to ${n} hosts; health checking is announced as not modelled`, () => {
      const hosts = Array.from({ length: n }, (_, i) => 11 + i);
      const r = loads(fixture(file), { resolve: dns(prefix, { myservice: hosts }) });
      expect(facts(r)).toEqual([
        {
          name: 'web_cluster_01',
          policy: 'ROUND_ROBIN',
          groups: [`P0 // w-: ${hosts.map((h) => `${prefix}.${h}:80`).join(' ')}`],
        },
      ]);
      const field = file.includes('3.6') ? 'outlier_detection' : 'health_checks';
      expect(warnings(r)).toEqual([`unsupported_field static_resources.clusters[0].${field}`]);
    });
  }
});

describe('seed 002 PART4 (load balancing)', () => {
  it('§4.4 weighted least request: red, blue and green weigh 1, 3 and 5', () => {
    const r = loads(fixture('002-4.4-front-envoy.yaml'), {
      resolve: dns('172.31.22', { red: [11], blue: [12], green: [13] }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'web_cluster_01',
        policy: 'LEAST_REQUEST',
        groups: ['P0 // w-: 172.31.22.11:80 172.31.22.12:80*3 172.31.22.13:80*5'],
      },
    ]);
    expect(r.clusters[0].lbPolicy).toMatchObject({ choiceCount: 2, activeRequestBias: 1 });
  });

  for (const file of ['002-4.6-front-envoy.yaml', '002-4.7-front-envoy.yaml']) {
    it(`${file}: ring hash over myservice, ring between 512 and 1048576 entries`, () => {
      const r = loads(fixture(file), {
        resolve: dns('172.31.25', { myservice: [11, 12, 13] }),
      });
      expect(facts(r)).toEqual([
        {
          name: 'web_cluster_01',
          policy: 'RING_HASH',
          groups: ['P0 // w-: 172.31.25.11:80 172.31.25.12:80 172.31.25.13:80'],
        },
      ]);
      expect(r.clusters[0].lbPolicy).toMatchObject({
        minimumRingSize: 512,
        maximumRingSize: 1048576,
        hashFunction: 'XX_HASH',
      });
    });
  }

  const priorities = dns('172.31.29', { webservice1: [11, 12, 13], webservice2: [14, 15] });
  const twoPriorities = [
    'P0 cn-north-1// w-: 172.31.29.11:80 172.31.29.12:80 172.31.29.13:80',
    'P1 cn-north-2// w-: 172.31.29.14:80 172.31.29.15:80',
  ];

  it('§4.11 panic threshold example: webservice1 at priority 0, webservice2 at 1', () => {
    const r = loads(fixture('002-4.11-panic-clusters.yaml'), { resolve: priorities });
    expect(facts(r)).toEqual([
      { name: 'webcluster1', policy: 'ROUND_ROBIN', groups: twoPriorities },
    ]);
    expect(r.clusters[0].commonLbConfig.healthyPanicThreshold).toBe(50);
  });

  it('§4.11 as published (socket_address beside address) is rejected as Envoy rejects it', () => {
    const r = loadConfig(fixture('002-4.11-panic-clusters-as-published.yaml'), {
      resolve: priorities,
    });
    expect(r.ok).toBe(false);
    const endpoint = (i: number): string =>
      `static_resources.clusters[0].load_assignment.endpoints[${i}].lb_endpoints[0].endpoint`;
    expect(r.issues.filter((i) => i.code === 'UNKNOWN_FIELD').map((i) => i.path)).toEqual([
      `${endpoint(0)}.socket_address`,
      `${endpoint(1)}.socket_address`,
    ]);
  });

  it('§4.12 priorities: overprovisioning 150, panic 49, 3 hosts in P0 and 2 in P1', () => {
    const r = loads(fixture('002-4.12-front-envoy.yaml'), { resolve: priorities });
    expect(facts(r)).toEqual([
      { name: 'webcluster1', policy: 'ROUND_ROBIN', groups: twoPriorities },
    ]);
    const [c] = r.clusters;
    expect(c.overprovisioningFactor).toBe(150);
    expect(c.commonLbConfig).toMatchObject({
      healthyPanicThreshold: 49,
      localityWeightedLb: false,
    });
  });

  it('§4.13 locality weights 1:2 at one priority with locality weighting on', () => {
    const r = loads(fixture('002-4.13-locality-clusters.yaml'), {
      resolve: dns('172.31.30', { colored: [11], myservice: [12, 13] }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'webcluster1',
        policy: 'ROUND_ROBIN',
        groups: [
          'P0 cn-north-1// w1: 172.31.30.11:80',
          'P0 cn-north-2// w2: 172.31.30.12:80 172.31.30.13:80',
        ],
      },
    ]);
    expect(r.clusters[0].overprovisioningFactor).toBe(140);
    expect(r.clusters[0].commonLbConfig.localityWeightedLb).toBe(true);
  });

  it('§4.14 locality weights 10:20: webservice1 (3 hosts) and webservice2 (2 hosts)', () => {
    const r = loads(fixture('002-4.14-front-envoy.yaml'), {
      resolve: dns('172.31.31', { webservice1: [11, 12, 13], webservice2: [14, 15] }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'webcluster1',
        policy: 'ROUND_ROBIN',
        groups: [
          'P0 cn-north-1// w10: 172.31.31.11:80 172.31.31.12:80 172.31.31.13:80',
          'P0 cn-north-2// w20: 172.31.31.14:80 172.31.31.15:80',
        ],
      },
    ]);
    expect(r.clusters[0].commonLbConfig).toMatchObject({
      localityWeightedLb: true,
      healthyPanicThreshold: 50,
    });
    expect(r.clusters[0].overprovisioningFactor).toBe(140);
  });

  it('§4.16 as published (selectors outside lb_subset_config) is rejected: unknown fields', () => {
    const r = loadConfig(fixture('002-4.16-subset-clusters-as-published.yaml'));
    expect(r.ok).toBe(false);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path])).toEqual([
      ['UNKNOWN_FIELD', 'static_resources.clusters[0].default_subset'],
      ['UNKNOWN_FIELD', 'static_resources.clusters[0].subset_selectors'],
    ]);
  });
});

describe('seed 002 PART5 and PART6 (circuit breakers, routing)', () => {
  it('§5.4 as published is rejected: the thresholds are not indented under `thresholds:`', () => {
    const r = loadConfig(fixture('002-5.4-circuit-breaker-cluster.yaml'), {
      resolve: { 'httpbin.org': ['203.0.113.10'] },
    });
    expect(r.ok).toBe(false);
    const cb = 'static_resources.clusters[0].circuit_breakers';
    expect(
      r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path, i.line, i.column]),
    ).toEqual([
      ['UNKNOWN_FIELD', `${cb}.max_connections`, 26, 7],
      ['UNKNOWN_FIELD', `${cb}.max_pending_requests`, 29, 7],
      ['UNKNOWN_FIELD', `${cb}.max_retries`, 31, 7],
    ]);
  });

  it('§5.4 indented as meant, the LOGICAL_DNS cluster uses the first DNS answer only', () => {
    const published = fixture('002-5.4-circuit-breaker-cluster.yaml').text;
    const text = published.replace(/^( {6})(max_\w+: \d+)/gm, '$1  $2');
    expect(text).not.toBe(published);
    const r = loads({ text }, { resolve: { 'httpbin.org': ['203.0.113.10', '203.0.113.11'] } });
    expect(facts(r)).toEqual([
      { name: 'service_httpbin', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 203.0.113.10:80'] },
    ]);
    expect(warnings(r)).toEqual([
      'unsupported_field static_resources.clusters[0].circuit_breakers',
    ]);
  });

  it('§5.5 the front envoy: webcluster1 (3 hosts) and webcluster2 (2 hosts)', () => {
    const r = loads(fixture('002-5.5-front-envoy.yaml'), {
      resolve: dns('172.31.35', { webservice1: [11, 12, 13], webservice2: [14, 15] }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'webcluster1',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 172.31.35.11:80 172.31.35.12:80 172.31.35.13:80'],
      },
      {
        name: 'webcluster2',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 172.31.35.14:80 172.31.35.15:80'],
      },
    ]);
  });

  it('§5.5 the sidecar with circuit breakers', () => {
    const r = loads(fixture('002-5.5-sidecar-proxy.yaml'), {});
    expect(facts(r)).toEqual([{ name: 'local_cluster', policy: 'ROUND_ROBIN', groups: [SIDECAR] }]);
  });

  it('§6.6 / §6.16 four colour clusters over the aliases of two containers each (gray one)', () => {
    const r = loads(fixture('002-6.6-front-envoy.yaml'), {
      resolve: dns('172.31.50', { blue: [11, 12], red: [13, 14], green: [15, 16], gray: [17] }),
    });
    expect(facts(r).map((c) => [c.name, c.policy, c.groups.length])).toEqual([
      ['blue', 'ROUND_ROBIN', 1],
      ['red', 'ROUND_ROBIN', 1],
      ['green', 'ROUND_ROBIN', 1],
      ['gray', 'ROUND_ROBIN', 1],
    ]);
    expect(r.clusters.map((c) => c.endpoints[0].hosts.length)).toEqual([2, 2, 2, 1]);
  });

  it('§6.17 the demoapp versions: v1.0 and v1.1 two hosts each, v1.2 one', () => {
    const r = loads(fixture('002-6.17-front-envoy.yaml'), {
      resolve: dns('172.31.52', { demoappv10: [11, 12], demoappv11: [13, 14], demoappv12: [15] }),
    });
    expect(r.clusters.map((c) => [c.name, c.endpoints[0].hosts.map((h) => h.address)])).toEqual([
      ['demoappv10', ['172.31.52.11:80', '172.31.52.12:80']],
      ['demoappv11', ['172.31.52.13:80', '172.31.52.14:80']],
      ['demoappv12', ['172.31.52.15:80']],
    ]);
  });
});

describe('seed 003 (REST-JSON EDS, English)', () => {
  it('loads with the v2 option', () => {
    const r = loads(fixture('003-rest-eds-v2.yaml'), { v2: true });
    expect(facts(r)).toEqual([
      { name: 'targetCluster', policy: 'ROUND_ROBIN', groups: [] },
      { name: 'eds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 127.0.0.1:8080'] },
    ]);
    expect(warnings(r)).toContain('V2_CONVERTED static_resources.clusters[1].hosts');
  });
});

describe('seed 004 (go-control-plane over ADS)', () => {
  it('the bootstrap: ADS for CDS and LDS, the static xds_cluster over HTTP/2', () => {
    const r = loads(fixture('004-ads-bootstrap.yaml'), {
      resolve: { 'go-control-plane': ['172.19.0.5'] },
    });
    expect(facts(r)).toEqual([
      { name: 'xds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.19.0.5:18000'] },
    ]);
  });

  it('/config_dump before the control plane starts: the static cluster only', () => {
    const r = loads(fixture('004-config-dump-static-clusters.yaml'), {
      resolve: { 'go-control-plane': ['172.19.0.5'] },
    });
    expect(facts(r)).toEqual([
      { name: 'xds_cluster', policy: 'ROUND_ROBIN', groups: ['P0 // w-: 172.19.0.5:18000'] },
    ]);
  });

  it('/config_dump after: the LOGICAL_DNS cluster example_proxy_cluster to service1', () => {
    const r = loads(fixture('004-config-dump-dynamic-clusters.yaml'), {
      resolve: { service1: ['172.19.0.3', '172.19.0.4'] },
    });
    expect(facts(r)).toEqual([
      {
        name: 'example_proxy_cluster',
        policy: 'ROUND_ROBIN',
        groups: ['P0 // w-: 172.19.0.3:8080'],
      },
    ]);
  });
});

describe("configs modelled on Envoy's documented examples", () => {
  it('locality load balancing: four localities over priorities 0, 1 and 2', () => {
    const r = loads(fixture('envoy-examples/locality-load-balancing.yaml'), {
      resolve: {
        'backend-local-1': ['10.1.0.11'],
        'backend-local-2': ['10.1.0.12'],
        'backend-remote-1': ['10.2.0.11'],
        'backend-remote-2': ['10.2.0.12'],
      },
    });
    expect(facts(r)).toEqual([
      {
        name: 'backend',
        policy: 'ROUND_ROBIN',
        groups: [
          'P0 local/zone-1/ w-: 10.1.0.11:8080',
          'P1 local/zone-2/ w-: 10.1.0.12:8080',
          'P2 remote/zone-1/ w-: 10.2.0.11:8080',
          'P2 remote/zone-2/ w-: 10.2.0.12:8080',
        ],
      },
    ]);
    expect(warnings(r)).toEqual(['unsupported_field static_resources.clusters[0].health_checks']);
  });

  it('dynamic configuration from the filesystem: the CDS file with lower-case enums', () => {
    const r = loads(fixture('envoy-examples/dynamic-filesystem-bootstrap.yaml'), {
      resolve: { service1: ['10.3.0.11', '10.3.0.12'] },
      readFile: files({ '/var/lib/envoy/cds.yaml': 'envoy-examples/dynamic-filesystem-cds.yaml' }),
    });
    expect(facts(r)).toEqual([
      {
        name: 'example_proxy_cluster',
        policy: 'LEAST_REQUEST',
        groups: ['P0 // w-: 10.3.0.11:8080 10.3.0.12:8080'],
      },
    ]);
    expect(r.clusters[0].lbPolicy).toMatchObject({ choiceCount: 3 });
    expect(warnings(r)).toEqual([]);
  });
});

describe('seed cases that need yaml-cpp scalars and per-file EDS', () => {
  it('§4.18 subsets: e1…e7 are hostnames (yaml-cpp keeps them strings), each resolved by DNS', () => {
    const resolve = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`e${i + 1}`, [`172.31.33.${11 + i}`]]),
    );
    const r = loads(fixture('002-4.18-front-envoy.yaml'), { resolve });
    const web = r.clusters.find((c) => c.name === 'webcluster1');
    expect(web?.endpoints.flatMap((g) => g.hosts.map((h) => [h.hostname, h.address]))).toEqual(
      Array.from({ length: 7 }, (_, i) => [`e${i + 1}`, `172.31.33.${11 + i}:80`]),
    );
    expect(warnings(r)).toContain(
      'unsupported_field static_resources.clusters[0].lb_subset_config',
    );
  });

  it('001 CDS: each EDS cluster reads its own file, even with the same service_name', () => {
    const r = loads(fixture('001-cds-two-clusters.yaml'), {
      readFile: files({
        '/etc/envoy/eds.yaml': '001-eds-file-eds-updated.yaml',
        '/etc/envoy/eds-1.yaml': '001-cds-eds-1.yaml',
      }),
    });
    const hostsOf = (name: string): string[] =>
      r.clusters
        .find((c) => c.name === name)
        ?.endpoints.flatMap((g) => g.hosts.map((h) => h.address)) ?? [];
    expect(hostsOf('targetCluster')).toEqual(['192.168.215.3:80', '192.168.215.4:80']);
    expect(hostsOf('newTargetCluster')).toEqual(['192.168.215.5:80', '192.168.215.6:80']);
  });
});
