import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_AREAS,
  formatConformanceReport,
  readVectorFile,
  runConformanceDirectory,
  runVector,
} from '../../src/testing/index.js';

const VECTORS = join(import.meta.dirname, 'vectors');

describe('Envoy conformance vectors', () => {
  const report = runConformanceDirectory(VECTORS, SUPPORTED_AREAS);
  it('runs every vector of the modelled areas', () => {
    expect(report.results.length).toBeGreaterThanOrEqual(82);
    expect(new Set(report.results.map((r) => r.area))).toEqual(new Set(SUPPORTED_AREAS));
  });
  for (const result of report.results) {
    it(`${result.area} ${result.id}`, () => {
      expect(result.detail).toBe('');
      expect(result.status).toBe('passed');
    });
  }
});

describe('conformance runner', () => {
  const vector = readVectorFile(join(VECTORS, 'priority_load.json'))[0];

  it('reports a difference from Envoy as FAIL with what differed', () => {
    const wrong = { ...vector, expected: { healthy_load: [49, 51] } };
    const result = runVector(wrong);
    expect(result.status).toBe('failed');
    expect(result.detail).toBe('healthy_load: expected [49,51], got [50,50]');
  });

  it('reports unknown areas and ops as unsupported, never as passed', () => {
    expect(runVector({ ...vector, area: 'teleport' }).status).toBe('unsupported');
    const op = { ...readVectorFile(join(VECTORS, 'lb_scenarios.json'))[0], ops: [{ op: 'drain' }] };
    expect(runVector(op)).toMatchObject({ status: 'unsupported', detail: 'scenario op "drain"' });
  });

  it('reports a vector whose op leaves scripted randoms undrawn as failed', () => {
    const random = readVectorFile(join(VECTORS, 'lb_scenarios.json')).find(
      (v) => v.id === 'lr-normal-p2c',
    );
    const extra = {
      ...random!,
      ops: [{ op: 'pick', expect: 'h80', random: [0, 2, 3, 7] }],
    };
    expect(runVector(extra)).toMatchObject({
      status: 'failed',
      detail: 'op 0 (pick): 1 scripted random() values were not drawn',
    });
  });

  it('formats the text contract: FAIL/UNSUPPORTED lines then the tally', () => {
    const text = formatConformanceReport({
      passed: 1,
      failed: 2,
      results: [
        { id: 'a', area: 'edf', status: 'passed', detail: '' },
        { id: 'b', area: 'edf', status: 'failed', detail: 'x' },
        { id: 'c', area: 'maglev', status: 'unsupported', detail: 'y' },
      ],
    });
    expect(text).toBe('FAIL b: x\nUNSUPPORTED c: y\n1 passed, 2 failed');
  });

  it('works as a command: --area, --json, exit status', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vectors-'));
    writeFileSync(join(dir, 'v.json'), JSON.stringify({ vectors: [vector] }));
    const cli = join(import.meta.dirname, '../../src/testing/conformance-cli.ts');
    const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
    const json = JSON.parse(execFileSync(tsx, [cli, '--json', dir], { encoding: 'utf8' }));
    expect(json).toEqual({
      passed: 1,
      failed: 0,
      results: [{ id: vector.id, area: 'priority_load', status: 'passed', detail: '' }],
    });
    const none = spawnSync(tsx, [cli, '--area', 'edf', dir], { encoding: 'utf8' });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('0 passed, 0 failed\n');
    writeFileSync(
      join(dir, 'w.json'),
      JSON.stringify([{ ...vector, id: 'bad', area: 'teleport' }]),
    );
    const failing = spawnSync(tsx, [cli, dir], { encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('UNSUPPORTED bad: area "teleport" is not modelled yet');
    expect(failing.stdout).toMatch(/1 passed, 1 failed\n$/);
  });
});
