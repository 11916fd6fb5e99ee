import { describe, expect, it } from 'vitest';
import {
  buildPrioritySet,
  createLoadBalancer,
  createSeededRng,
  loadConfig,
} from '../../src/index.js';
import type { ConfigFileReader, RuntimeValues } from '../../src/index.js';

const files: Record<string, string> = {
  '/etc/envoy/cds.yaml': `
resources:
- "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
  name: web
  type: EDS
  lb_policy: RING_HASH
  eds_cluster_config:
    eds_config:
      path_config_source: {path: /etc/envoy/eds.yaml}
`,
  '/etc/envoy/eds.yaml': `
resources:
- "@type": type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment
  cluster_name: web
  endpoints:
  - locality: {region: eu, zone: a}
    lb_endpoints:
    - endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}
  - locality: {region: eu, zone: b}
    priority: 1
    lb_endpoints:
    - endpoint: {address: {socket_address: {address: 10.0.1.1, port_value: 80}}}
`,
};

const readFile: ConfigFileReader = (path) =>
  path in files ? { text: files[path], file: path } : undefined;

const bootstrap = `
node: {id: n1, locality: {region: eu, zone: a}}
cluster_manager: {local_cluster_name: fleet}
layered_runtime:
  layers:
  - name: static
    static_layer:
      upstream: {healthy_panic_threshold: 40, zone_routing: {min_cluster_size: 2}}
dynamic_resources:
  cds_config:
    path_config_source: {path: /etc/envoy/cds.yaml}
static_resources:
  clusters:
  - name: fleet
    load_assignment:
      cluster_name: fleet
      endpoints: [{locality: {region: eu, zone: a}, lb_endpoints: [{endpoint: {address: {socket_address: {address: 10.9.0.1, port_value: 1}}}}]}]
`;

describe('bootstrap', () => {
  it('follows file-based CDS and EDS, and reads the node locality, local cluster and runtime', () => {
    const r = loadConfig({ text: bootstrap, file: '/etc/envoy/envoy.yaml' }, { readFile });
    expect(r.issues).toEqual([]);
    expect(r.clusters.map((c) => c.name)).toEqual(['fleet', 'web']);
    const web = r.clusters[1];
    expect(web.lbPolicy.policy).toBe('RING_HASH');
    expect(buildPrioritySet(web).hostSets.map((hs) => hs.hosts.length)).toEqual([1, 1]);
    expect(r.localLocality).toEqual({ region: 'eu', zone: 'a', subZone: '' });
    expect(r.localClusterName).toBe('fleet');
    expect(r.runtime).toEqual({
      'upstream.healthy_panic_threshold': 40,
      'upstream.zone_routing.min_cluster_size': 2,
    });
  });

  it('hands the runtime to the balancer, where a caller can override it', () => {
    const text = `
layered_runtime:
  layers:
  - name: static
    static_layer: {upstream.healthy_panic_threshold: 60}
static_resources:
  clusters:
  - name: half
    load_assignment:
      cluster_name: half
      endpoints:
      - lb_endpoints:
        - endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}
        - endpoint: {address: {socket_address: {address: 10.0.0.2, port_value: 80}}}
          health_status: UNHEALTHY
`;
    const r = loadConfig({ text });
    expect(r.issues).toEqual([]);
    const [half] = r.clusters;
    const panicWith = (runtime: RuntimeValues): boolean =>
      createLoadBalancer(buildPrioritySet(half), half.commonLbConfig, half.lbPolicy, {
        rng: createSeededRng(1),
        runtime,
      }).priorityLoad.panic[0];
    // 50% healthy: in panic below a 60% threshold, not below Envoy's default 50%.
    expect(panicWith(r.runtime)).toBe(true);
    expect(panicWith({})).toBe(false);
    expect(panicWith({ ...r.runtime, 'upstream.healthy_panic_threshold': 50 })).toBe(false);
  });

  it('reports a referenced file it cannot read, at the referencing field', () => {
    const r = loadConfig({ text: bootstrap, file: 'envoy.yaml' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({
      code: 'REFERENCED_FILE_UNREADABLE',
      path: 'dynamic_resources.cds_config',
    });
  });

  it('reads an admin /config_dump with clusters, endpoints and the dumped bootstrap', () => {
    const dump = {
      configs: [
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump',
          bootstrap: {
            node: { id: 'x', locality: { zone: 'b' } },
            static_resources: { clusters: [{ name: 's', connect_timeout: '1s' }] },
          },
          last_updated: '2026-01-01T00:00:00Z',
        },
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
          static_clusters: [
            {
              cluster: {
                '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
                name: 's',
                connect_timeout: '1s',
              },
            },
          ],
          dynamic_active_clusters: [
            {
              version_info: '1',
              cluster: {
                '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
                name: 'd',
                type: 'EDS',
                eds_cluster_config: { eds_config: { ads: {} } },
              },
            },
          ],
        },
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.EndpointsConfigDump',
          dynamic_endpoint_configs: [
            {
              endpoint_config: {
                '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
                cluster_name: 'd',
                endpoints: [
                  {
                    lb_endpoints: [
                      {
                        endpoint: {
                          address: { socket_address: { address: '10.3.0.1', port_value: 8 } },
                        },
                      },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const r = loadConfig({ text: JSON.stringify(dump) });
    expect(r.ok).toBe(true);
    expect(r.clusters.map((c) => c.name)).toEqual(['s', 'd']);
    expect(buildPrioritySet(r.clusters[1]).hosts.map((h) => h.address)).toEqual(['10.3.0.1:8']);
    expect(r.localLocality).toEqual({ region: '', zone: 'b', subZone: '' });
    expect(r.issues.map((i) => i.code)).toEqual(['unsupported_field']);
  });

  it('reports a problem of a dumped static cluster once, and skips unknown dump types', () => {
    const bad = { name: 's', connect_timeout: '0s' };
    const dump = {
      configs: [
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.BootstrapConfigDump',
          bootstrap: { static_resources: { clusters: [bad] } },
        },
        {
          '@type': 'type.googleapis.com/envoy.admin.v3.ClustersConfigDump',
          static_clusters: [
            { cluster: { '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', ...bad } },
          ],
        },
        { '@type': 'type.googleapis.com/envoy.admin.v3.constructor' },
        { '@type': 'type.googleapis.com/envoy.admin.v3.ListenersConfigDump' },
      ],
    };
    const r = loadConfig({ text: JSON.stringify(dump) });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['PGV_DURATION_GT', 'configs[1].static_clusters[0].cluster.connect_timeout'],
    ]);
  });
});
