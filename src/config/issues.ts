/**
 * Config issues: what is wrong (or surely a mistake) in a user's Envoy configuration, named by
 * the field path in Envoy's own field names, with Envoy's reason text and the position in the
 * input text. Readers collect every issue; nothing is thrown for user input.
 */

export type IssueSeverity = 'error' | 'warning';

export interface ConfigIssue {
  readonly severity: IssueSeverity;
  /** A stable code per rule, e.g. `PGV_UINT32_GTE`, `ENVOY_MAGLEV_TABLE_NOT_PRIME`, `UNKNOWN_FIELD`. */
  readonly code: string;
  /** Dotted path in Envoy's (snake_case) field names with `[i]` indices. */
  readonly path: string;
  readonly message: string;
  /** 1-based line and column of the offending value in the input text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The input file, when the config came from one. */
  readonly file?: string;
}

/** A position in the input text (1-based). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The issues of one load, in the order they were found. */
export class IssueList {
  readonly items: ConfigIssue[] = [];
  readonly #file: string | undefined;

  constructor(file?: string) {
    this.#file = file;
  }

  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }

  #add(
    severity: IssueSeverity,
    code: string,
    path: string,
    message: string,
    at?: SourcePosition,
  ): void {
    this.items.push({
      severity,
      code,
      path,
      message,
      ...(at ? { line: at.line, column: at.column } : {}),
      ...(this.#file === undefined ? {} : { file: this.#file }),
    });
  }

  error(code: string, path: string, message: string, at?: SourcePosition): void {
    this.#add('error', code, path, message, at);
  }

  warning(code: string, path: string, message: string, at?: SourcePosition): void {
    this.#add('warning', code, path, message, at);
  }
}

/** `× message` / `  → at path (line L, col C)`, as the command line prints an issue. */
export function formatIssue(issue: ConfigIssue): string {
  const mark = issue.severity === 'error' ? '×' : '!';
  const where = issue.line === undefined ? '' : ` (line ${issue.line}, col ${issue.column})`;
  const file = issue.file === undefined ? '' : `${issue.file}: `;
  return `${mark} ${issue.message}\n  → at ${file}${issue.path || '(document)'}${where}`;
}
