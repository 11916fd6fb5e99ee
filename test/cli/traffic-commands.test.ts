/**
 * The command line's main job, run in-process on the seed tutorial's own YAML: `preview` prints a
 * table or exactly the documented JSON object, writes SVG and PNG charts, `explain` and `sample`
 * answer, and user mistakes end with a clear message and exit status 1 (2 for bad usage).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/seeds');
const PRIORITIES = join(FIXTURES, '002-4.12-front-envoy.yaml');
const USER_AGENT = join(FIXTURES, '002-4.7-front-envoy.yaml');
const DNS = [
  '--resolve',
  'webservice1=172.31.29.11,172.31.29.12,172.31.29.13',
  '--resolve',
  'webservice2=172.31.29.14,172.31.29.15',
];
const RING_DNS = ['--resolve', 'myservice=172.31.25.11,172.31.25.12,172.31.25.13'];

async function run(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

describe('preview command', () => {
  it('prints exactly the documented JSON object, shares summing to 1', async () => {
    const r = await run(
      'preview',
      PRIORITIES,
      ...DNS,
      '--unhealthy',
      '172.31.29.11:80,172.31.29.12:80',
      '--json',
    );
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual([
      'cluster',
      'lbPolicy',
      'priorities',
      'hosts',
      'noHostShare',
    ]);
    expect(json.priorities).toEqual([
      { priority: 0, health: 50, degraded: 0, healthyLoad: 50, degradedLoad: 0, panic: false },
      { priority: 1, health: 100, degraded: 0, healthyLoad: 50, degradedLoad: 0, panic: false },
    ]);
    expect(json.hosts[2]).toEqual({
      address: '172.31.29.13:80',
      priority: 0,
      locality: { region: 'cn-north-1', zone: '', subZone: '' },
      healthStatus: 'UNKNOWN',
      weight: 1,
      share: 0.5,
    });
    expect(json.hosts.map((h: { healthStatus: string }) => h.healthStatus).slice(0, 2)).toEqual([
      'UNHEALTHY',
      'UNHEALTHY',
    ]);
    const total = json.hosts.reduce(
      (s: number, h: { share: number }) => s + h.share,
      json.noHostShare,
    );
    expect(total).toBeCloseTo(1, 12);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('health_checks is read but not modelled');
  });

  it('prints a readable table, names health flags as Envoy’s admin does', async () => {
    const r = await run('preview', PRIORITIES, ...DNS, '--ejected', '172.31.29.11:80');
    expect(r.status).toBe(0);
    expect(r.out).toContain('172.31.29.11:80  P0        cn-north-1  UNKNOWN/failed_outlier_check');
    expect(r.out).toMatch(/172\.31\.29\.12:80 .* 50\.00 %/);
    expect(r.out).toContain('no healthy upstream (503): 0.00 %');
  });

  it('writes SVG and PNG charts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-'));
    const svg = join(dir, 'split.svg');
    expect((await run('preview', PRIORITIES, ...DNS, '--chart', svg)).status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(
      /^<svg[^>]*>[\s\S]*172\.31\.29\.13:80[\s\S]*<\/svg>$/,
    );
    for (const kind of ['spill', 'split']) {
      const png = join(dir, `${kind}.png`);
      const r = await run('preview', PRIORITIES, ...DNS, '--chart', png, '--chart-kind', kind);
      expect(r.status).toBe(0);
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBeGreaterThan(400);
    }
    const own = join(dir, 'own.png');
    expect(
      (await run('preview', USER_AGENT, ...RING_DNS, '--chart', own, '--chart-kind', 'ownership'))
        .status,
    ).toBe(0);
  }, 60_000);

  it('ends user mistakes with a message and status 1, bad usage with 2', async () => {
    const typo = await run('preview', PRIORITIES, ...DNS, '--unhealthy', '172.31.29.99:80');
    expect(typo).toMatchObject({ status: 1, out: '' });
    expect(typo.err).toContain('× unhealthy: no host 172.31.29.99:80 in the cluster');
    const dir = mkdtempSync(join(tmpdir(), 'two-'));
    const two = join(dir, 'two.yaml');
    const staticCluster = (name: string, ip: string): string =>
      [
        `    - name: ${name}`,
        '      type: STATIC',
        '      load_assignment:',
        `        cluster_name: ${name}`,
        '        endpoints:',
        '        - lb_endpoints:',
        `          - endpoint: {address: {socket_address: {address: ${ip}, port_value: 80}}}`,
      ].join('\n');
    writeFileSync(
      two,
      [
        'static_resources:',
        '  clusters:',
        staticCluster('a', '10.0.0.1'),
        staticCluster('b', '10.0.0.2'),
      ].join('\n'),
    );
    const both = await run('preview', two, '--json');
    expect(both.status).toBe(0);
    expect(JSON.parse(both.out).cluster).toBe('a');
    expect(both.err).toContain("! 2 clusters loaded (a, b); using 'a' — choose with --cluster");
    const cluster = await run('preview', PRIORITIES, ...DNS, '--cluster', 'nope');
    expect(cluster.err).toContain(
      "× no cluster 'nope' in the configuration (it has 'webcluster1')",
    );
    const chart = await run('preview', PRIORITIES, ...DNS, '--chart', 'x.gif');
    expect(chart).toMatchObject({ status: 2, out: '' });
    expect(chart.err).toContain('× --chart x.gif: the file name must end in .svg or .png');
    const unwritable = await run(
      'preview',
      PRIORITIES,
      ...DNS,
      '--chart',
      '/nonexistent/dir/x.svg',
      '--json',
    );
    expect(unwritable).toMatchObject({ status: 1, out: '' });
    expect(unwritable.err).toContain('cannot write the file (ENOENT)');
    const ip = await run('explain', USER_AGENT, ...RING_DNS, '--source-ip', 'not-an-ip');
    expect(ip.err).toContain('× --source-ip not-an-ip: not an IPv4 or IPv6 address');
    const huge = await run('sample', PRIORITIES, ...DNS, '--requests', '9007199254740991');
    expect(huge).toMatchObject({ status: 1, out: '' });
    expect(huge.err).toContain('from 0 to 1000000000');
    const ownership = await run(
      'preview',
      PRIORITIES,
      ...DNS,
      '--chart',
      'x.svg',
      '--chart-kind',
      'ownership',
    );
    expect(ownership).toMatchObject({ status: 1, out: '' });
    expect(ownership.err).toContain('× an ownership chart needs RING_HASH or MAGLEV');
    const unresolved = await run('preview', PRIORITIES);
    expect(unresolved.status).toBe(1);
    expect(unresolved.err).toContain('webservice1');
    expect((await run('preview', PRIORITIES, '--runtime', 'x=abc')).status).toBe(2);
    expect((await run('sample', PRIORITIES, ...DNS)).status).toBe(2);
  });
});

describe('explain and sample commands', () => {
  it('explains a header-hashed pick on the ring: Chrome to 172.31.25.11, as the tutorial saw', async () => {
    const r = await run(
      'explain',
      USER_AGENT,
      ...RING_DNS,
      '--header',
      'User-Agent=Chrome',
      '--json',
    );
    expect(r.status).toBe(0);
    const e = JSON.parse(r.out);
    expect(e).toMatchObject({ hashSource: 'hash_policy', priority: 0, host: '172.31.25.11:80' });
    const text = await run('explain', USER_AGENT, ...RING_DNS, '--header', 'User-Agent=360');
    expect(text.out).toContain('ring point');
    expect(text.out).toContain('host     172.31.25.12:80');
    const key = await run('explain', USER_AGENT, ...RING_DNS, '--key', '360', '--json');
    expect(JSON.parse(key.out).host).toBe('172.31.25.12:80');
  });

  it('samples seeded picks, reproducibly', async () => {
    const args = [
      'sample',
      PRIORITIES,
      ...DNS,
      '--requests',
      '3000',
      '--seed',
      '7',
      '--json',
      '--fail-priority',
      '0',
    ];
    const a = await run(...args);
    expect(a.status).toBe(0);
    expect(a.out).toBe((await run(...args)).out);
    const s = JSON.parse(a.out);
    expect(s.hosts.slice(3).map((h: { count: number }) => h.count)).toEqual([1500, 1500]);
  });
});
