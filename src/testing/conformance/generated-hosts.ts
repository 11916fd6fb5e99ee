/**
 * Host lists some vectors describe in words instead of listing ("generated: 127.0.0.1:0 in
 * locality A, 127.0.0.1:1..127.0.0.1:1023 in locality B, all weight 1"): each comma- or
 * semicolon-separated segment naming an address or a port range and a locality becomes hosts.
 */
import { Unsupported } from './vector.js';

export interface VectorHost {
  address: string;
  hostname?: string;
  key?: string;
  weight?: number;
  locality?: string;
}

const SEGMENT = /^(\S+?:)(\d+)(?:\.\.(?:\S+?:)?(\d+))?\s+in locality\s+(\S+)$/;

/** The hosts a vector gives, listed or described. */
export function vectorHosts(hosts: unknown): VectorHost[] {
  if (Array.isArray(hosts)) return hosts as VectorHost[];
  if (typeof hosts !== 'string' || !hosts.startsWith('generated:')) {
    throw new Unsupported(`hosts given as ${JSON.stringify(hosts)}`);
  }
  const out: VectorHost[] = [];
  const weight = /\bweight (\d+)/.exec(hosts);
  for (const raw of hosts.slice('generated:'.length).split(/[,;]/)) {
    const m = SEGMENT.exec(raw.trim());
    if (!m) continue;
    const [, prefix, from, to, locality] = m;
    for (let port = Number(from); port <= Number(to ?? from); port++) {
      out.push({ address: `${prefix}${port}`, locality, weight: weight ? Number(weight[1]) : 1 });
    }
  }
  if (out.length === 0) throw new Unsupported(`cannot read hosts from ${JSON.stringify(hosts)}`);
  return out;
}
