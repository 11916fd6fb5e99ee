/**
 * Seed §4.6 and §4.7 (ring hash). The route's `hash_policy` is read from the tutorial's own YAML:
 * §4.6 hashes the downstream source IP, §4.7 the `User-Agent` header. The tutorial saw
 * `curl 172.31.25.2` from the Docker host (source 172.31.25.1, the network's gateway) always
 * answered by blue (172.31.25.12); `User-Agent: Chrome` always by red (172.31.25.11) and
 * `User-Agent: 360` by blue (the tutorial notes that, of the agents it tried, only 360 reached
 * another host; it does not list the others).
 * Run: `npx tsx docs/examples/ring-hash-pinning.ts`.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { explain } from '../../src/index.js';
import type { HashPolicy } from '../../src/index.js';
import { isMain, loadSeed, seedText } from './load-seed.js';

const DNS = { myservice: ['172.31.25.11', '172.31.25.12', '172.31.25.13'] };

/** The first route's `hash_policy` of the seed's listener, as the library's HashPolicy. */
function routeHashPolicy(file: string): HashPolicy[] {
  const doc = parse(seedText(file));
  const manager = doc.static_resources.listeners[0].filter_chains[0].filters[0].typed_config;
  const policies: Record<string, Record<string, unknown>>[] =
    manager.route_config.virtual_hosts[0].routes[0].route.hash_policy;
  return policies.map((p): HashPolicy => {
    if (p.header) return { header: { headerName: String(p.header.header_name) } };
    if (p.connection_properties) return { connectionProperties: { sourceIp: true } };
    throw new Error(`unexpected hash policy ${JSON.stringify(p)}`);
  });
}

const sourceIp = loadSeed('ring-hash-source-ip.yaml', DNS);
const byIp = routeHashPolicy('ring-hash-source-ip.yaml');
const fromGateway = (port: number): string | null =>
  explain(sourceIp, { hashPolicy: byIp, request: { sourceAddress: `172.31.25.1:${port}` } }).host;

/** Every request from the gateway, whatever its source port, goes to one host. */
export const gatewayHosts: Set<string | null> = new Set(
  [40000, 40001, 51234, 60999].map(fromGateway),
);
assert.deepEqual([...gatewayHosts], ['172.31.25.12:80']);

const userAgent = loadSeed('ring-hash-user-agent.yaml', DNS);
const byAgent = routeHashPolicy('ring-hash-user-agent.yaml');
const agentHost = (agent: string): string | null =>
  explain(userAgent, { hashPolicy: byAgent, request: { headers: { 'user-agent': agent } } }).host;

export const chrome: string | null = agentHost('Chrome');
export const agent360: string | null = agentHost('360');
assert.equal(chrome, '172.31.25.11:80');
assert.equal(agent360, '172.31.25.12:80');
// Every request with the same agent stays on its host: the hash does not depend on anything else.
assert.equal(agentHost('Chrome'), chrome);

if (isMain(import.meta.url)) console.log({ gatewayHosts, chrome, agent360 });
