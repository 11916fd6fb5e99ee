/**
 * Loads one of the seed tutorial's configurations bundled in docs/examples/seeds, with the DNS
 * answers of the tutorial's docker-compose network, and fails loudly if it does not load.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/index.js';
import type { LoadResult } from '../../src/index.js';

/** The text of a bundled seed configuration. */
export function seedText(name: string): string {
  return readFileSync(join(import.meta.dirname, 'seeds', name), 'utf8');
}

/** A bundled seed configuration, loaded with `dns` as the STRICT_DNS answers. */
export function loadSeed(name: string, dns: Record<string, string[]>): LoadResult {
  const result = loadConfig({ text: seedText(name), file: name }, { resolve: dns });
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((i) => i.message).join('\n'));
  return result;
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(url);
}
