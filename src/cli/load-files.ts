/**
 * Reads configuration files from disk and loads them together (Node only): files a bootstrap or
 * cluster references are looked up as written, relative to the referencing file, or by base name
 * beside it; a file that cannot be read becomes a `FILE_UNREADABLE` issue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ConfigIssue } from '../config/issues.js';
import type {
  ConfigFileReader,
  ConfigInput,
  LoadOptions,
  LoadResult,
} from '../config/load-config.js';
import { loadConfig } from '../config/load-config.js';

/**
 * Reads a file a config references: the path as written, else relative to the referencing file,
 * else its base name beside the referencing file (an Envoy container path such as
 * `/var/lib/envoy/cds.yaml` next to a bootstrap checked out locally).
 */
const readReferencedFile: ConfigFileReader = (path, from) => {
  const base = from === undefined ? '.' : dirname(from);
  const candidates = [
    path,
    ...(isAbsolute(path) ? [] : [join(base, path)]),
    join(base, basename(path)),
  ];
  const found = candidates.find((c) => existsSync(c));
  return found === undefined ? undefined : { text: readFileSync(found, 'utf8'), file: found };
};

export interface LoadedFiles {
  readonly result: LoadResult;
  /** Unreadable files first, then the load's issues. */
  readonly issues: readonly ConfigIssue[];
  readonly ok: boolean;
}

/** Loads the files as one configuration. */
export function loadFiles(files: readonly string[], options: LoadOptions): LoadedFiles {
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
  const result = loadConfig(inputs, { readFile: readReferencedFile, ...options });
  const issues = [...readIssues, ...result.issues];
  return { result, issues, ok: !issues.some((i) => i.severity === 'error') };
}
