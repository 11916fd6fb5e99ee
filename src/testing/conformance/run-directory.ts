/**
 * Runs every vector of every `*.json` file in a directory (Node only), optionally restricted to
 * some areas, and formats the outcome as the conformance runner contract prescribes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVector } from './run-vector.js';
import type { Vector, VectorResult } from './vector.js';

export interface ConformanceReport {
  readonly passed: number;
  /** Failed plus unsupported vectors. */
  readonly failed: number;
  readonly results: readonly VectorResult[];
}

/** Reads the vectors of one file: `{vectors: [...]}` or a bare array. */
export function readVectorFile(path: string): Vector[] {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(data) ? data : (data as { vectors?: unknown }).vectors;
  return Array.isArray(list) ? (list as Vector[]) : [];
}

export function runConformanceDirectory(dir: string, areas?: readonly string[]): ConformanceReport {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const results: VectorResult[] = [];
  for (const file of files) {
    for (const vector of readVectorFile(join(dir, file))) {
      if (areas && !areas.includes(vector.area)) continue;
      results.push(runVector(vector));
    }
  }
  const passed = results.filter((r) => r.status === 'passed').length;
  return { passed, failed: results.length - passed, results };
}

/** The text form: a line per failed or unsupported vector, then `N passed, M failed`. */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = report.results
    .filter((r) => r.status !== 'passed')
    .map((r) => `${r.status === 'failed' ? 'FAIL' : 'UNSUPPORTED'} ${r.id}: ${r.detail}`);
  lines.push(`${report.passed} passed, ${report.failed} failed`);
  return lines.join('\n');
}
