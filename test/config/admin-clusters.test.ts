import { describe, expect, it } from 'vitest';
import { buildPrioritySet, computePriorityLoad, loadConfig } from '../../src/index.js';

const text = `webcluster1::default_priority::max_connections::1024
webcluster1::added_via_api::false
webcluster1::172.31.1.11:80::cx_active::0
webcluster1::172.31.1.11:80::health_flags::healthy
webcluster1::172.31.1.11:80::weight::1
webcluster1::172.31.1.11:80::region::cn-north-1
webcluster1::172.31.1.11:80::zone::
webcluster1::172.31.1.11:80::priority::0
webcluster1::172.31.1.12:80::health_flags::/failed_active_hc
webcluster1::172.31.1.12:80::weight::2
webcluster1::172.31.1.12:80::region::cn-north-1
webcluster1::172.31.1.12:80::priority::0
webcluster1::172.31.2.11:80::health_flags::/failed_eds_health/failed_outlier_check
webcluster1::172.31.2.11:80::region::cn-north-2
webcluster1::172.31.2.11:80::priority::1
`;

describe('admin /clusters', () => {
  it('reads the plain-text form as the observed hosts, health and weights', () => {
    const r = loadConfig({ text });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(['LB_POLICY_UNKNOWN']);
    const ps = buildPrioritySet(r.clusters[0]);
    expect(ps.hosts.map((h) => [h.address, h.weight, h.priority, h.locality.region])).toEqual([
      ['172.31.1.11:80', 1, 0, 'cn-north-1'],
      ['172.31.1.12:80', 2, 0, 'cn-north-1'],
      ['172.31.2.11:80', 1, 1, 'cn-north-2'],
    ]);
    expect(ps.hostSets.map((hs) => hs.healthy.length)).toEqual([1, 0]);
    expect(ps.hosts[2]).toMatchObject({
      healthStatus: 'UNHEALTHY',
      flags: { outlierEjected: true },
    });
  });

  it('reads IPv6 hosts of the plain-text form', () => {
    const v6 = `v6::[fd00::1]:80::health_flags::healthy
v6::[fd00::1]:80::weight::3
v6::[::1]:8080::health_flags::/failed_active_hc
v6::[::1]:8080::zone::b
`;
    const r = loadConfig({ text: v6 });
    const ps = buildPrioritySet(r.clusters[0]);
    expect(ps.hosts.map((h) => [h.address, h.weight, h.locality.zone])).toEqual([
      ['[fd00::1]:80', 3, ''],
      ['[::1]:8080', 1, 'b'],
    ]);
    expect(ps.hostSets[0].healthy.length).toBe(1);
  });

  it('rejects a priority Envoy cannot have, instead of building billions of priorities', () => {
    const r = loadConfig({
      text: 'c::10.0.0.1:80::priority::4000000000\nc::10.0.0.1:80::weight::1\n',
    });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code: 'BAD_CLUSTERS_LINE', line: 1 });
  });

  it('reads ?format=json with mixed camelCase and snake_case, and overlays a config’s LB policy', () => {
    const json = {
      clusterStatuses: [
        {
          name: 'web',
          addedViaApi: true,
          host_statuses: [
            {
              address: { socketAddress: { address: '10.0.0.1', portValue: 80 } },
              healthStatus: { edsHealthStatus: 'HEALTHY' },
              weight: 1,
              stats: [],
            },
            {
              address: { socket_address: { address: '10.0.0.2', port_value: 80 } },
              health_status: { eds_health_status: 'DEGRADED' },
              weight: 1,
            },
          ],
        },
      ],
    };
    const cluster =
      'name: web\nconnect_timeout: 1s\nlb_policy: RANDOM\nload_assignment: {cluster_name: web, policy: {overprovisioning_factor: 100}}\n';
    const r = loadConfig([{ text: JSON.stringify(json) }, { text: cluster }]);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    const [model] = r.clusters;
    expect(model.lbPolicy.policy).toBe('RANDOM');
    expect(model.overprovisioningFactor).toBe(100);
    const ps = buildPrioritySet(model);
    const load = computePriorityLoad(ps.hostSets, ps.hosts, 50);
    expect([load.health[0], load.degraded[0]]).toEqual([50, 50]);
  });
});
