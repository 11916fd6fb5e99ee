/**
 * `envoy-upstream-sim validate FILE…`: loads Envoy configuration files and prints every issue —
 * `× message` / `  → at path (line L, col C)` — or, with `--json`, exactly one JSON object
 * `{ok, issues[]}` on stdout. Exit status 1 when any issue is an error.
 */
import { formatIssue } from '../config/issues.js';
import type { ConfigIssue } from '../config/issues.js';
import type { LoadOptions } from '../config/load-config.js';
import { loadFiles } from './load-files.js';

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

/** Runs the command; returns the exit status. */
export function validate(
  files: readonly string[],
  options: ValidateOptions,
  out: (text: string) => void,
): number {
  const { result, issues, ok } = loadFiles(files, options.load);
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
