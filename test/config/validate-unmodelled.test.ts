/**
 * Envoy's validation of fields the library checks but does not simulate yet, beyond the
 * BAD-INPUTS.md rows: every rejection names the field, and valid settings pass with only the
 * `unsupported_field` warning.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/index.js';

const cluster = (extra: string, policy = ''): string => `
name: c
type: STATIC
connect_timeout: 1s
${extra}
load_assignment:
  cluster_name: c
  ${policy}
  endpoints:
  - lb_endpoints:
    - endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}
`;

const issues = (text: string): string[][] =>
  loadConfig({ text }).issues.map((i) => [i.severity, i.code, i.path]);

describe('health_checks', () => {
  it('requires timeout, interval, both thresholds and a health checker', () => {
    expect(issues(cluster('health_checks: [{no_traffic_interval: 5s}]'))).toEqual([
      ['error', 'PGV_REQUIRED', 'health_checks[0].timeout'],
      ['error', 'PGV_REQUIRED', 'health_checks[0].interval'],
      ['error', 'PGV_REQUIRED', 'health_checks[0].unhealthy_threshold'],
      ['error', 'PGV_REQUIRED', 'health_checks[0].healthy_threshold'],
      ['error', 'PGV_REQUIRED', 'health_checks[0].health_checker'],
      ['warning', 'unsupported_field', 'health_checks'],
    ]);
  });

  it('rejects a zero interval and accepts an HTTP checker with its own settings', () => {
    const base = 'timeout: 1s, unhealthy_threshold: 2, healthy_threshold: 1';
    expect(
      issues(cluster(`health_checks: [{${base}, interval: 0s, http_health_check: {path: /hc}}]`)),
    ).toEqual([
      ['error', 'PGV_DURATION_GT', 'health_checks[0].interval'],
      ['warning', 'unsupported_field', 'health_checks'],
    ]);
    expect(
      issues(cluster(`health_checks: [{${base}, interval: 5s, http_health_check: {path: /hc}}]`)),
    ).toEqual([['warning', 'unsupported_field', 'health_checks']]);
  });
});

describe('outlier_detection', () => {
  it('accepts Envoy’s documented example settings', () => {
    const od =
      'outlier_detection: {consecutive_5xx: 5, interval: 10s, base_ejection_time: 30s, max_ejection_percent: 10, enforcing_success_rate: 100, success_rate_stdev_factor: 1900}';
    expect(issues(cluster(od))).toEqual([['warning', 'unsupported_field', 'outlier_detection']]);
  });

  it('rejects a max_ejection_time below the default base_ejection_time of 30s', () => {
    expect(issues(cluster('outlier_detection: {max_ejection_time: 10s}'))).toEqual([
      ['error', 'ENVOY_MAX_EJECTION_TIME', 'outlier_detection.max_ejection_time'],
      ['warning', 'unsupported_field', 'outlier_detection'],
    ]);
  });

  it('rejects unknown fields inside the message', () => {
    expect(issues(cluster('outlier_detection: {consecutive5xx: 5, consecutive_500: 1}'))).toEqual([
      ['error', 'UNKNOWN_FIELD', 'outlier_detection.consecutive_500'],
      ['warning', 'unsupported_field', 'outlier_detection'],
    ]);
  });
});

describe('circuit_breakers and drop_overloads', () => {
  it('accepts thresholds per priority with a retry budget', () => {
    const cb =
      'circuit_breakers: {thresholds: [{priority: HIGH, max_connections: 100, retry_budget: {budget_percent: {value: 25}, min_retry_concurrency: 3}}]}';
    expect(issues(cluster(cb))).toEqual([['warning', 'unsupported_field', 'circuit_breakers']]);
  });

  it('rejects a drop ratio above 1 with Envoy’s reason', () => {
    const policy =
      'policy: {drop_overloads: [{category: lb, drop_percentage: {numerator: 200, denominator: HUNDRED}}]}';
    const r = loadConfig({ text: cluster('', policy) });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({
      code: 'ENVOY_DROP_OVERLOADS',
      path: 'load_assignment.policy.drop_overloads[0].drop_percentage',
      message:
        'Cluster drop_overloads config is invalid. drop_ratio=2(Numerator 200 / Denominator 100). The valid range is 0~1.',
    });
  });
});
