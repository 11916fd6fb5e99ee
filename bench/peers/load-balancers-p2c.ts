/**
 * Peer from the `load-balancers` package: `P2cBalancer.pick()` — two `Math.random()` draws over
 * a plain array of per-bin counts, keep the less loaded, and count the pick on it.
 */
import { P2cBalancer } from 'load-balancers';
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { consume } from '../harness/sink.js';

export function loadBalancersP2cCase(n: number): BenchCase {
  const balancer = new P2cBalancer(n);
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = balancer.pick();
      acc += host;
    }
    consume(acc);
    return host;
  };
  return {
    id: caseId('peer', 'lb-p2c', n),
    label: 'load-balancers P2C',
    kind: 'peer',
    hosts: n,
    run,
  };
}
