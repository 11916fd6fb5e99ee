import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrioritySet, loadConfig } from '../../src/index.js';

const cluster = (extra: string): string => `
name: web
connect_timeout: 0.25s
type: STATIC
${extra}
load_assignment:
  cluster_name: web
  endpoints:
  - locality: {zone: a}
    lb_endpoints:
    - endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}
    - endpoint: {address: {socket_address: {address: 10.0.0.2, port_value: 80}}}
      health_status: UNHEALTHY
`;

describe('loadConfig', () => {
  it('reads a bare Cluster into a model with Envoy’s defaults', () => {
    const r = loadConfig({ text: cluster('lb_policy: least_request') });
    expect(r.ok).toBe(true);
    const [model] = r.clusters;
    expect(model.lbPolicy.policy).toBe('LEAST_REQUEST');
    expect(model.overprovisioningFactor).toBe(140);
    expect(buildPrioritySet(model).hosts.map((h) => [h.address, h.healthStatus])).toEqual([
      ['10.0.0.1:80', 'UNKNOWN'],
      ['10.0.0.2:80', 'UNHEALTHY'],
    ]);
  });

  it('accepts camelCase names, {value} wrappers, quoted integers and numeric enums', () => {
    const r = loadConfig({
      text: cluster(
        'lbPolicy: 2\nringHashLbConfig: {minimumRingSize: {value: "64"}}\ncommonLbConfig: {healthyPanicThreshold: {value: 49.5}}',
      ),
    });
    expect(r.issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ['warning', 'NUMERIC_ENUM', 'lb_policy'],
    ]);
    const model = r.clusters[0];
    expect(model.lbPolicy).toMatchObject({ policy: 'RING_HASH', minimumRingSize: 64 });
    expect(model.commonLbConfig.healthyPanicThreshold).toBe(49);
  });

  it('reports every problem with Envoy’s field path, reason, line and column', () => {
    const r = loadConfig({
      text: cluster('lb_policy: MAGLEV\nmaglev_lb_config: {table_size: 100}\nbogus: 1'),
      file: 'c.yaml',
    });
    expect(r.ok).toBe(false);
    expect(r.clusters).toEqual([]);
    expect(r.issues.map((i) => [i.severity, i.code, i.path, i.message, i.line])).toEqual([
      [
        'error',
        'ENVOY_MAGLEV_TABLE_NOT_PRIME',
        'maglev_lb_config.table_size',
        'The table size of maglev must be prime number',
        6,
      ],
      [
        'error',
        'UNKNOWN_FIELD',
        'bogus',
        "no such field: 'bogus' in envoy.config.cluster.v3.Cluster",
        7,
      ],
    ]);
  });

  it('rejects v2 hosts with a hint, and converts them with the v2 option', () => {
    const v2 =
      'name: old\nconnect_timeout: 1s\nhosts: [{socket_address: {address: 10.1.1.1, port_value: 80}}]\n';
    const strict = loadConfig({ text: v2 });
    expect(strict.issues[0]).toMatchObject({ code: 'REMOVED_FIELD', path: 'hosts' });
    const converted = loadConfig({ text: v2 }, { v2: true });
    expect(converted.ok).toBe(true);
    expect(buildPrioritySet(converted.clusters[0]).hosts.map((h) => h.address)).toEqual([
      '10.1.1.1:80',
    ]);
    expect(converted.issues[0]).toMatchObject({ severity: 'warning', code: 'V2_CONVERTED' });
  });

  it('turns each DNS answer of a STRICT_DNS endpoint into a host', () => {
    const text =
      'name: dns\ntype: STRICT_DNS\nload_assignment:\n  cluster_name: dns\n  endpoints: [{lb_endpoints: [{endpoint: {address: {socket_address: {address: svc, port_value: 8080}}}}]}]\n';
    expect(loadConfig({ text }).issues[0]).toMatchObject({ code: 'DNS_ANSWER_MISSING' });
    const r = loadConfig({ text }, { resolve: { svc: ['10.0.0.5', '10.0.0.6'] } });
    expect(buildPrioritySet(r.clusters[0]).hosts.map((h) => [h.address, h.hostname])).toEqual([
      ['10.0.0.5:8080', 'svc'],
      ['10.0.0.6:8080', 'svc'],
    ]);
  });

  it('matches an EDS cluster with its assignment from a DiscoveryResponse, warning on unknown fields there', () => {
    const cds = {
      resources: [
        {
          '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
          name: 'svc',
          type: 'EDS',
          eds_cluster_config: { service_name: 'svc-eds', eds_config: { path: '/eds.yaml' } },
          extra: true,
        },
      ],
    };
    const eds = {
      resources: [
        {
          '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
          cluster_name: 'svc-eds',
          endpoints: [
            {
              lb_endpoints: [
                {
                  endpoint: { address: { socket_address: { address: '10.2.0.1', port_value: 9 } } },
                },
              ],
            },
          ],
        },
      ],
    };
    const r = loadConfig([{ text: JSON.stringify(cds) }, { text: JSON.stringify(eds) }]);
    expect(r.ok).toBe(true);
    expect(r.issues).toMatchObject([
      { severity: 'warning', code: 'UNKNOWN_FIELD', path: 'resources[0].extra' },
    ]);
    expect(buildPrioritySet(r.clusters[0]).hosts.map((h) => h.address)).toEqual(['10.2.0.1:9']);
  });

  it('never throws on malformed input, and bounds alias expansion', () => {
    for (const text of ['', '- a\n- b', 'x: [1, 2', '42', '{"name": }']) {
      const r = loadConfig({ text });
      expect(r.ok).toBe(false);
      expect(r.issues.length).toBeGreaterThan(0);
    }
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}]`,
      );
    bomb.push('name: boom');
    expect(loadConfig({ text: bomb.join('\n') }).issues[0]).toMatchObject({
      code: 'DOCUMENT_LIMIT',
    });
  });
});

describe('validate command', () => {
  const cli = join(import.meta.dirname, '../../src/cli/main.ts');
  const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
  it('prints one JSON object and exits 1 on errors, 0 otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      cluster(
        'lb_policy: RING_HASH\nring_hash_lb_config: {minimum_ring_size: 20, maximum_ring_size: 10}',
      ),
    );
    writeFileSync(join(dir, 'good.yaml'), cluster('lb_policy: RANDOM'));
    const bad = spawnSync(tsx, [cli, 'validate', '--json', join(dir, 'bad.yaml')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'ENVOY_RING_SIZE_BOUNDS',
          path: 'ring_hash_lb_config.minimum_ring_size',
          message: 'ring hash: minimum_ring_size (20) > maximum_ring_size (10)',
          line: 6,
          column: 42,
        },
      ],
    });
    const good = execFileSync(tsx, [cli, 'validate', join(dir, 'good.yaml')], { encoding: 'utf8' });
    expect(good).toContain('0 error(s)');
    const text = spawnSync(tsx, [cli, 'validate', join(dir, 'bad.yaml')], { encoding: 'utf8' });
    expect(text.stdout).toContain(
      '× ring hash: minimum_ring_size (20) > maximum_ring_size (10)\n  → at',
    );
  });
});
