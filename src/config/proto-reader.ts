/**
 * Reads one protobuf message from proto-JSON as Envoy's parser accepts it (`allow_legacy_syntax`
 * plus case-insensitive enums): snake_case or lowerCamelCase names, enum names in any case or
 * numbers, wrapper values bare or as `{value: N}`, quoted integers, `"0.25s"` or
 * `{seconds, nanos}` durations, single elements where a list is expected. Every problem becomes
 * an issue with the field path and position; fields left unread are reported as unknown.
 */
import type { IssueList, SourcePosition } from './issues.js';
import type { PositionTable } from './source.js';

/** What to do with fields the message does not define (Envoy: error in static config, warning in xDS). */
export type UnknownFieldMode = 'error' | 'warn' | 'ignore';

export interface ReadContext {
  readonly issues: IssueList;
  readonly positions: PositionTable;
  /** Where field names are written, for issues about a field rather than its value. */
  readonly keyPositions: PositionTable;
  readonly unknownFields: UnknownFieldMode;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const UINT32_MAX = 4294967295;
/** google.protobuf.Duration's range: ±10 000 years. */
const MAX_DURATION_SECONDS = 315576000000;

export class MessageReader {
  readonly path: string;
  readonly #ctx: ReadContext;
  readonly #obj: Record<string, unknown>;
  readonly #consumed = new Set<string>();
  #type: string;

  constructor(ctx: ReadContext, obj: Record<string, unknown>, path: string, type: string) {
    this.#ctx = ctx;
    this.#obj = obj;
    this.path = path;
    this.#type = type;
  }

  /** A reader for a value that must be a message; null (with an error) otherwise. */
  static of(
    ctx: ReadContext,
    value: unknown,
    path: string,
    type: string,
    at?: SourcePosition,
  ): MessageReader | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return new MessageReader(ctx, value as Record<string, unknown>, path, type);
    }
    ctx.issues.error(
      'TYPE_MISMATCH',
      path,
      `expected a ${type} message, got ${describe(value)}`,
      at,
    );
    return null;
  }

  get issues(): IssueList {
    return this.#ctx.issues;
  }

  get context(): ReadContext {
    return this.#ctx;
  }

  #key(name: string): string | undefined {
    if (name in this.#obj) return name;
    const c = camel(name);
    return c in this.#obj ? c : undefined;
  }

  fieldPath(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  /** Position of a field's value (or of the message when the field is absent). */
  pos(name?: string): SourcePosition | undefined {
    const where = this.#ctx.positions.get(this.#obj);
    const key = name === undefined ? undefined : this.#key(name);
    return key === undefined ? where?.values().next().value : where?.get(key);
  }

  /** Names the message by the type an `Any` holds, for messages about its fields. */
  describeAs(typeUrl: string): this {
    this.#type = typeUrl.replace(/^type\.googleapis\.com\//, '');
    return this;
  }

  has(name: string): boolean {
    const key = this.#key(name);
    return key !== undefined && this.#obj[key] !== null && this.#obj[key] !== undefined;
  }

  /** The raw value of a field (marking it read), or undefined. */
  raw(name: string): unknown {
    const key = this.#key(name);
    if (key === undefined) return undefined;
    this.#consumed.add(key);
    const value = this.#obj[key];
    return value === null ? undefined : value;
  }

  error(name: string, code: string, message: string): void {
    this.#ctx.issues.error(code, this.fieldPath(name), message, this.pos(name));
  }

  warning(name: string, code: string, message: string): void {
    this.#ctx.issues.warning(code, this.fieldPath(name), message, this.pos(name));
  }

  /** An unsigned integer field (plain or wrapper), range-checked as PGV would. */
  uint(
    name: string,
    rules: { gte?: number; gt?: number; lte?: number; max?: number } = {},
  ): number | undefined {
    let value = this.raw(name);
    if (value === undefined) return undefined;
    value = unwrap(value);
    const n =
      typeof value === 'string' && /^\s*-?\d+(\.0*)?\s*$/.test(value) ? Number(value) : value;
    const max = rules.max ?? UINT32_MAX;
    if (rules.lte !== undefined && isHugeUnsigned(n)) {
      this.error(name, 'PGV_LTE', `value must be less than or equal to ${rules.lte}`);
      return undefined;
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) {
      this.error(
        name,
        'TYPE_MISMATCH',
        `expected an unsigned integer up to ${max}, got ${describe(value)}`,
      );
      return undefined;
    }
    if (rules.gte !== undefined && n < rules.gte) {
      this.error(name, 'PGV_GTE', `value must be greater than or equal to ${rules.gte}`);
    } else if (rules.gt !== undefined && n <= rules.gt) {
      this.error(name, 'PGV_GT', `value must be greater than ${rules.gt}`);
    } else if (rules.lte !== undefined && n > rules.lte) {
      this.error(name, 'PGV_LTE', `value must be less than or equal to ${rules.lte}`);
    }
    return n;
  }

  /** A double field (plain or wrapper; "NaN"/"Infinity" strings as proto-JSON allows). */
  double(name: string): number | undefined {
    let value = this.raw(name);
    if (value === undefined) return undefined;
    value = unwrap(value);
    if (typeof value === 'number') return value;
    if (typeof value === 'string') {
      if (value === 'NaN') return NaN;
      if (value === 'Infinity') return Infinity;
      if (value === '-Infinity') return -Infinity;
      if (value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    }
    this.error(name, 'TYPE_MISMATCH', `expected a number, got ${describe(value)}`);
    return undefined;
  }

  bool(name: string): boolean | undefined {
    let value = this.raw(name);
    if (value === undefined) return undefined;
    value = unwrap(value);
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false|t|f|yes|no|y|n|1|0)$/i.test(value)) {
      this.warning(
        name,
        'LEGACY_BOOL',
        `the string ${JSON.stringify(value)} is read as a bool (Envoy's legacy JSON syntax); write true or false`,
      );
      return /^(true|t|yes|y|1)$/i.test(value);
    }
    this.error(name, 'TYPE_MISMATCH', `expected a bool, got ${describe(value)}`);
    return undefined;
  }

  string(name: string, rules: { minLength?: number } = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined) {
      if (rules.minLength)
        this.error(
          name,
          'PGV_MIN_LEN',
          `value length must be at least ${rules.minLength} characters`,
        );
      return undefined;
    }
    if (typeof value !== 'string') {
      const hint =
        typeof value === 'boolean' ? ' (YAML reads yes/no/on/off as bools: quote the value)' : '';
      this.error(name, 'TYPE_MISMATCH', `expected a string, got ${describe(value)}${hint}`);
      return undefined;
    }
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      this.error(
        name,
        'PGV_MIN_LEN',
        `value length must be at least ${rules.minLength} characters`,
      );
    }
    return value;
  }

  /** An enum given by name (any case) or number; `values[i]` is the name of number i ('' = unused). */
  enumValue(name: string, values: readonly string[], definedOnly: boolean): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value)) {
      const found = values[value];
      if (found) {
        this.warning(
          name,
          'NUMERIC_ENUM',
          `enum given as the number ${value}; Envoy reads it as ${found}, write the name`,
        );
        return found;
      }
      if (definedOnly)
        this.error(name, 'PGV_DEFINED_ONLY', 'value must be one of the defined enum values');
      return undefined;
    }
    if (typeof value === 'string') {
      const upper = value.toUpperCase();
      if (values.includes(upper) && upper !== '') return upper;
    }
    this.error(
      name,
      'UNKNOWN_ENUM_VALUE',
      `unknown enum value: ${JSON.stringify(value)} (one of ${values.filter(Boolean).join(', ')})`,
    );
    return undefined;
  }

  /** A repeated enum field; each element is read as `enumValue` reads one, at `name[i]`. */
  enumValues(name: string, values: readonly string[], definedOnly: boolean): string[] {
    const list = this.raw(name);
    if (list === undefined) return [];
    const where = Array.isArray(list) ? this.#ctx.positions.get(list) : undefined;
    return (Array.isArray(list) ? list : [list]).flatMap((item, i) => {
      const element = `${name}[${i}]`;
      const holder = { [element]: item };
      const at = where?.get(i) ?? this.pos(name);
      if (at) this.#ctx.positions.set(holder, new Map([[element, at]]));
      const one = new MessageReader(this.#ctx, holder, this.path, this.#type);
      const value = one.enumValue(element, values, definedOnly);
      return value === undefined ? [] : [value];
    });
  }

  /** A Duration that must be > 0 when set (PGV `gt: {}`), as milliseconds. */
  positiveDuration(name: string): number | undefined {
    const ms = this.duration(name);
    if (ms !== undefined && ms <= 0) {
      this.error(name, 'PGV_DURATION_GT', 'value must be greater than 0s');
    }
    return ms;
  }

  /** A Duration as milliseconds: "<s>[.<1-9 digits>]s" or legacy {seconds, nanos}. */
  duration(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const m = /^(-?\d+)(?:\.(\d{1,9}))?s$/.exec(value);
      if (m && Math.abs(Number(m[1])) > MAX_DURATION_SECONDS) {
        this.error(
          name,
          'BAD_DURATION',
          `duration ${value} is out of range (at most ${MAX_DURATION_SECONDS}s)`,
        );
        return undefined;
      }
      if (m) {
        const sign = m[1].startsWith('-') ? -1 : 1;
        return Number(m[1]) * 1000 + (sign * Number((m[2] ?? '0').padEnd(9, '0'))) / 1e6;
      }
      this.error(
        name,
        'BAD_DURATION',
        `invalid duration ${JSON.stringify(value)}: a duration is a string like "0.25s" (must end with a single 's')`,
      );
      return undefined;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const d = value as Record<string, unknown>;
      const seconds = Number(d.seconds ?? 0);
      const nanos = Number(d.nanos ?? 0);
      if (Number.isFinite(seconds) && Number.isFinite(nanos)) return seconds * 1000 + nanos / 1e6;
    }
    const hint = typeof value === 'number' ? ` (write "${value}s")` : '';
    this.error(
      name,
      'BAD_DURATION',
      `expected a duration string like "5s", got ${describe(value)}${hint}`,
    );
    return undefined;
  }

  /** An `envoy.type.v3.Percent`: must be `{value: N}` with 0 <= N <= 100. */
  percent(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value === 'number' || typeof value === 'string') {
      this.error(
        name,
        'PERCENT_NOT_MESSAGE',
        `a Percent is a message: write {value: ${String(value)}}, not a bare number`,
      );
      return undefined;
    }
    const message = this.message(name, 'envoy.type.v3.Percent');
    const n = message?.double('value') ?? 0;
    message?.finish();
    if (Number.isNaN(n)) {
      this.error(name, 'PERCENT_NAN', 'Value not in the range of 0..100 range.');
      return undefined;
    }
    if (n < 0 || n > 100) {
      this.issues.error(
        'PGV_RANGE',
        this.fieldPath(`${name}.value`),
        'value must be inside range [0, 100]',
        this.pos(name),
      );
      return undefined;
    }
    return n;
  }

  /** A sub-message, or undefined when absent (null with an error when not an object). */
  message(name: string, type: string): MessageReader | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    return (
      MessageReader.of(this.#ctx, value, this.fieldPath(name), type, this.pos(name)) ?? undefined
    );
  }

  /** A repeated message field; a single element is accepted as a list of one (legacy syntax). */
  messages(name: string, type: string): MessageReader[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const list = Array.isArray(value) ? value : [value];
    const where = Array.isArray(value) ? this.#ctx.positions.get(value) : undefined;
    return list.flatMap((item, i) => {
      const r = MessageReader.of(
        this.#ctx,
        item,
        `${this.fieldPath(name)}[${i}]`,
        type,
        where?.get(i) ?? this.pos(name),
      );
      return r ? [r] : [];
    });
  }

  /** Marks fields as read without modelling them, with an `unsupported_field` warning each. */
  unsupported(names: readonly string[], why: string): void {
    for (const name of names) {
      if (!this.has(name)) continue;
      this.raw(name);
      this.warning(name, 'unsupported_field', `${name} is read but not modelled yet: ${why}`);
    }
  }

  /** Marks fields as read that have no effect on load balancing (accepted as Envoy would). */
  ignore(names: readonly string[]): void {
    for (const name of names) this.raw(name);
  }

  /** Reports every field not read, as Envoy reports unknown fields. */
  finish(): void {
    const mode = this.#ctx.unknownFields;
    for (const key of Object.keys(this.#obj)) {
      if (this.#consumed.has(key) || key === '@type') continue;
      if (mode === 'ignore') continue;
      const message =
        key === '<<'
          ? `no such field: '<<' in ${this.#type} (YAML merge keys are not supported by Envoy's YAML parser, yaml-cpp; write the fields out)`
          : `no such field: '${key}' in ${this.#type}`;
      const at = this.#ctx.keyPositions.get(this.#obj)?.get(key);
      if (mode === 'error') this.issues.error('UNKNOWN_FIELD', this.fieldPath(key), message, at);
      else this.issues.warning('UNKNOWN_FIELD', this.fieldPath(key), message, at);
    }
  }
}

/** A uint64 literal (number or digit string) too large for exact doubles, as Envoy parses 64-bit fields. */
function isHugeUnsigned(n: unknown): boolean {
  if (typeof n === 'number') return Number.isInteger(n) && n > Number.MAX_SAFE_INTEGER;
  return (
    typeof n === 'string' &&
    /^\s*\d+\s*$/.test(n) &&
    BigInt(n.trim()) > BigInt(Number.MAX_SAFE_INTEGER) &&
    BigInt(n.trim()) < 2n ** 64n
  );
}

/** `{value: x}` → x (wrapper types in legacy syntax). */
function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'value') return (value as { value: unknown }).value;
  }
  return value;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
