/**
 * Reads YAML or JSON text into plain values while remembering where every value stands, so an
 * issue can name its line and column. Mirrors what Envoy's yaml-cpp → JSON path accepts (YAML 1.1
 * booleans such as `yes`/`on`, keys tagged `!ignore` dropped, anchors and aliases) and bounds
 * what Envoy does not: document size, nesting depth and alias expansion.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import type { IssueList, SourcePosition } from './issues.js';

/** Limits on one document; the defaults stop YAML bombs and absurd inputs with a clear error. */
export interface SourceLimits {
  /** Bytes of text; default 16 MiB. */
  readonly maxBytes: number;
  /** Nesting depth of maps and lists; default 100 (protobuf's JSON parser stops about there). */
  readonly maxDepth: number;
  /** Values created by alias expansion; default 100 000. */
  readonly maxAliasExpansion: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 100,
  maxAliasExpansion: 100_000,
});

/** Positions of the entries of maps and lists, by container object and key (or index). */
export type PositionTable = WeakMap<object, Map<string | number, SourcePosition>>;

export interface ParsedSource {
  /** The document as plain JSON-like values, or undefined when it could not be read. */
  readonly value: unknown;
  readonly positions: PositionTable;
  /** Positions of map keys, by map object and key: where a field's name is written. */
  readonly keyPositions: PositionTable;
  /** Position of the document's root value. */
  readonly rootPosition: SourcePosition | undefined;
}

class LimitExceeded extends Error {}

/** Parses YAML (or JSON, a subset of YAML) text; problems become issues at the document path. */
export function parseSource(
  text: string,
  issues: IssueList,
  limits: SourceLimits = DEFAULT_SOURCE_LIMITS,
): ParsedSource {
  const positions: PositionTable = new WeakMap();
  const keyPositions: PositionTable = new WeakMap();
  const nothing: ParsedSource = {
    value: undefined,
    positions,
    keyPositions,
    rootPosition: undefined,
  };
  if (utf8Length(text, limits.maxBytes) > limits.maxBytes) {
    issues.error('DOCUMENT_TOO_LARGE', '', `document is larger than ${limits.maxBytes} bytes`);
    return nothing;
  }
  if (flowDepth(text) > limits.maxDepth) {
    issues.error(
      'DOCUMENT_LIMIT',
      '',
      `document rejected: nesting deeper than ${limits.maxDepth} levels`,
    );
    return nothing;
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      lineCounter,
      schema: 'yaml-1.1',
      merge: false,
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    issues.error('DOCUMENT_LIMIT', '', 'document rejected: nesting too deep to parse');
    return nothing;
  }
  const at = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) {
    issues.error(
      'YAML_SYNTAX',
      '',
      `Unable to parse YAML: ${e.message.split('\n')[0]}`,
      at(e.pos[0]),
    );
  }
  if (doc.errors.length > 0) return nothing;

  let expanded = 0;
  const convert = (node: unknown, depth: number, viaAlias: boolean, path = ''): unknown => {
    if (depth > limits.maxDepth)
      throw new LimitExceeded(`nesting deeper than ${limits.maxDepth} levels`);
    if (viaAlias && ++expanded > limits.maxAliasExpansion) {
      throw new LimitExceeded(`aliases expand to more than ${limits.maxAliasExpansion} values`);
    }
    if (isAlias(node)) return convert(node.resolve(doc), depth, true, path);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const where = new Map<string | number, SourcePosition>();
      const keysAt = new Map<string | number, SourcePosition>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key && key.tag === '!ignore') continue;
        const name = isScalar(key)
          ? typeof key.value === 'symbol'
            ? (key.value.description ?? '')
            : String(key.value)
          : String(convert(key, depth + 1, viaAlias));
        const childPath = path === '' ? name : `${path}.${name}`;
        if (Object.hasOwn(out, name) && !viaAlias) {
          issues.warning(
            'DUPLICATE_KEY',
            childPath,
            `key '${name}' appears twice in one map; the last value wins, as in Envoy`,
            at(key?.range?.[0]),
          );
        }
        out[name] = convert(pair.value, depth + 1, viaAlias, childPath);
        const pos = at((pair.value as Node | null)?.range?.[0] ?? key?.range?.[0]);
        if (pos) where.set(name, pos);
        const keyPos = at(key?.range?.[0]);
        if (keyPos) keysAt.set(name, keyPos);
      }
      positions.set(out, where);
      keyPositions.set(out, keysAt);
      return out;
    }
    if (isSeq(node)) {
      const where = new Map<string | number, SourcePosition>();
      const out = node.items.map((item, i) => {
        const pos = at((item as Node | null)?.range?.[0]);
        if (pos) where.set(i, pos);
        return convert(item, depth + 1, viaAlias, `${path}[${i}]`);
      });
      positions.set(out, where);
      return out;
    }
    if (isScalar(node)) return scalarValue(node.value, node.tag, sourceOf(node));
    return null;
  };
  try {
    const value = convert(doc.contents, 0, false);
    return {
      value,
      positions,
      keyPositions,
      rootPosition: at((doc.contents as Node | null)?.range?.[0]),
    };
  } catch (error) {
    if (error instanceof RangeError) {
      issues.error('DOCUMENT_LIMIT', '', 'document rejected: nesting too deep');
      return nothing;
    }
    if (!(error instanceof LimitExceeded)) throw error;
    issues.error('DOCUMENT_LIMIT', '', `document rejected: ${error.message}`);
    return nothing;
  }
}

/**
 * The deepest nesting of flow collections (`[`, `{`) outside quotes: checked before parsing, so
 * a pathological document fails with a limit error instead of exhausting the parser's stack.
 */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return max;
}

/** The source text of a plain scalar (other styles are never numbers by accident). */
function sourceOf(node: { type?: string | null; source?: string }): string | undefined {
  return node.type === 'PLAIN' ? node.source : undefined;
}

/** UTF-8 length of `text`, computed exactly only when the UTF-16 length leaves it in doubt. */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * yaml-cpp's number syntax for a plain scalar: decimal, hex, octal, floats with an exponent,
 * `.inf` and `.nan`. The `yaml` library's YAML 1.1 schema also reads strings such as `e1` as
 * numbers; yaml-cpp (and so Envoy) keeps those as strings.
 */
const YAML_CPP_NUMBER =
  /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?$|^0x[0-9a-fA-F_]+$|^0o?[0-7_]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/** A scalar as Envoy's YAML → JSON step sees it: `!`-tagged scalars stay strings; NaN/∞ become strings. */
function scalarValue(value: unknown, tag: string | undefined, source: string | undefined): unknown {
  if (tag === '!') return value === null ? '' : String(value);
  if (typeof value === 'number' && source !== undefined && !YAML_CPP_NUMBER.test(source))
    return source;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}
