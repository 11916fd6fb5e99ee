/**
 * The seed tutorial's load-balancing experiments in docs/examples, run from the tutorial's own
 * YAML. Each example asserts the tutorial's observed outcome when it is imported (node:assert);
 * this test imports them and pins the exact numbers the pages quote.
 */
import { describe, expect, it } from 'vitest';

describe('docs/examples: the seed experiments', () => {
  it('§4.12 priority spill: one P0 failure keeps all traffic in P0, two spill half to P1', async () => {
    const { oneDown, twoDown } = await import('../../docs/examples/priority-spill.js');
    expect(oneDown).toEqual({
      '172.31.29.11:80': 0,
      '172.31.29.12:80': 0.5,
      '172.31.29.13:80': 0.5,
      '172.31.29.14:80': 0,
      '172.31.29.15:80': 0,
    });
    expect(twoDown).toEqual({
      '172.31.29.11:80': 0,
      '172.31.29.12:80': 0,
      '172.31.29.13:80': 0.5,
      '172.31.29.14:80': 0.25,
      '172.31.29.15:80': 0.25,
    });
  });

  it('§4.13/§4.14 locality weights: 1:2 becomes 1:1.4 when one of two hosts fails', async () => {
    const m = await import('../../docs/examples/locality-weights.js');
    expect(m.exampleOneDown.localities.map((l) => l.effectiveWeight)).toEqual([1, 1.4]);
    expect(m.experimentOneDown.localities.map((l) => l.effectiveWeight)).toEqual([10, 14]);
    expect(m.experimentOneDown.localities[0].share).toBeCloseTo(10 / 24, 12);
  });

  it('§4.6/§4.7 ring hash: the source IP and the User-Agent pin clients to the hosts the tutorial saw', async () => {
    const m = await import('../../docs/examples/ring-hash-pinning.js');
    expect([...m.gatewayHosts]).toEqual(['172.31.25.12:80']);
    expect([m.chrome, m.agent360]).toEqual(['172.31.25.11:80', '172.31.25.12:80']);
  });
});
