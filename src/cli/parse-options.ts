/**
 * Parsers for command-line option values (commander `argParser`s): accumulating `name=value`
 * pairs, comma-separated host lists, runtime values and localities. Each rejects a malformed
 * value with a message that names the expected form.
 */
import { InvalidArgumentError } from 'commander';
import type { Locality } from '../model/locality.js';

function split(value: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected name=value');
  return [value.slice(0, eq), value.slice(eq + 1)];
}

/** `--resolve name=ip,ip` (repeatable): DNS answers. */
export function parseResolve(
  value: string,
  previous: Record<string, string[]>,
): Record<string, string[]> {
  const [name, rest] = split(value);
  const ips = rest
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ips.length === 0) throw new InvalidArgumentError('expected at least one IP after =');
  return { ...previous, [name]: ips };
}

/** `--unhealthy a:80,b:80` (repeatable): host addresses, accumulated. */
export function parseHosts(value: string, previous: string[]): string[] {
  const hosts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (hosts.length === 0) throw new InvalidArgumentError('expected ip:port[,ip:port…]');
  return [...previous, ...hosts];
}

/** `--runtime key=value` (repeatable): a number, or true/false. */
export function parseRuntime(
  value: string,
  previous: Record<string, number | boolean>,
): Record<string, number | boolean> {
  const [key, raw] = split(value);
  const parsed =
    raw === 'true' ? true : raw === 'false' ? false : raw.trim() === '' ? NaN : Number(raw);
  if (typeof parsed === 'number' && !Number.isFinite(parsed)) {
    throw new InvalidArgumentError(`runtime value of ${key} must be a number, true or false`);
  }
  return { ...previous, [key]: parsed };
}

/** `--weight ip:port=N` or `--active ip:port=N` (repeatable): a whole number per host. */
export function parseHostNumber(
  value: string,
  previous: Record<string, number>,
): Record<string, number> {
  const [host, raw] = split(value);
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError(`${host}: expected a whole number, got '${raw}'`);
  }
  return { ...previous, [host]: n };
}

/** `--fail-locality region[/zone[/sub_zone]]` (repeatable). */
export function parseLocality(value: string, previous: Partial<Locality>[]): Partial<Locality>[] {
  const [region, zone, subZone] = value.split('/');
  const l: Partial<Locality> = {
    region,
    ...(zone === undefined ? {} : { zone }),
    ...(subZone === undefined ? {} : { subZone }),
  };
  return [...previous, l];
}

/** `--fail-priority N` (repeatable). */
export function parsePriority(value: string, previous: number[]): number[] {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError('expected a priority number');
  return [...previous, n];
}

/** A whole number option (`--requests`, `--seed`, `--pick`). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError('expected a whole number');
  }
  return n;
}

/** `--header name=value` (repeatable). */
export function parseHeader(
  value: string,
  previous: Record<string, string>,
): Record<string, string> {
  const [name, raw] = split(value);
  return { ...previous, [name.toLowerCase()]: raw };
}
