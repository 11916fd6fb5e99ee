/**
 * `envoy-upstream-sim validate FILE…`: loads Envoy configuration files and prints every issue —
 * `× message` / `  → at path (line L, col C)` — or, with `--json`, exactly one JSON object
 * `{ok, issues[]}` on stdout. Exit status 1 when any issue is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { formatIssue } from '../config/issues.js';
import type { ConfigIssue } from '../config/issues.js';
import type { ConfigFileReader, ConfigInput, LoadOptions } from '../config/load-config.js';
import { loadConfig } from '../config/load-config.js';

export interface ValidateOptions {
  readonly json: boolean;
  readonly load: LoadOptions;
}

/** The issue as the `--json` contract lists it (no other keys). */
function jsonIssue(issue: ConfigIssue): Record<string, unknown> {
  return {
    severity: issue.severity,
    code: issue.code,
    path: issue.path,
    message: issue.message,
    ...(issue.line === undefined ? {} : { line: issue.line, column: issue.column }),
  };
}

/**
 * Reads a file a config references: the path as written, else relative to the referencing file,
 * else its base name beside the referencing file (an Envoy container path such as
 * `/var/lib/envoy/cds.yaml` next to a bootstrap checked out locally).
 */
export const readReferencedFile: ConfigFileReader = (path, from) => {
  const base = from === undefined ? '.' : dirname(from);
  const candidates = [
    path,
    ...(isAbsolute(path) ? [] : [join(base, path)]),
    join(base, basename(path)),
  ];
  const found = candidates.find((c) => existsSync(c));
  return found === undefined ? undefined : { text: readFileSync(found, 'utf8'), file: found };
};

/** Runs the command; returns the exit status. */
export function validate(
  files: readonly string[],
  options: ValidateOptions,
  out: (text: string) => void,
): number {
  const inputs: ConfigInput[] = [];
  const readIssues: ConfigIssue[] = [];
  for (const file of files) {
    try {
      inputs.push({ text: readFileSync(file, 'utf8'), file });
    } catch (error) {
      const reason =
        error instanceof Error && 'code' in error
          ? String((error as NodeJS.ErrnoException).code)
          : 'unreadable';
      readIssues.push({
        severity: 'error',
        code: 'FILE_UNREADABLE',
        path: '',
        message: `cannot read ${file} (${reason})`,
        file,
      });
    }
  }
  const result = loadConfig(inputs, { readFile: readReferencedFile, ...options.load });
  const issues = [...readIssues, ...result.issues];
  const ok = !issues.some((i) => i.severity === 'error');
  if (options.json) {
    out(`${JSON.stringify({ ok, issues: issues.map(jsonIssue) })}\n`);
  } else {
    for (const issue of issues) out(`${formatIssue(issue)}\n`);
    const errors = issues.filter((i) => i.severity === 'error').length;
    out(
      `${ok ? '✓' : '×'} ${files.length} file(s): ${errors} error(s), ${issues.length - errors} warning(s); ${result.clusters.length} cluster(s) loaded\n`,
    );
  }
  return ok ? 0 : 1;
}
