/**
 * Lower bounds measured beside the policies: a bare typed-array counter read (the least an
 * unweighted round robin can cost) and a bare binary-heap pop + push of the same size (the least a
 * heap-based weighted round robin can cost), with the same 1..5 weights as the weighted cases;
 * also the same heap with Envoy's FIFO tie-break on equal deadlines, for reference.
 */
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { hostIndices, hostWeights } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import { BinaryHeap } from './binary-heap.js';
import { FifoBinaryHeap } from './fifo-binary-heap.js';

/** `hosts[i++ % n]` over an Int32Array. */
export function counterReadCase(n: number): BenchCase {
  const hosts = hostIndices(n);
  let i = 0;
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = hosts[i++ % n];
      acc += host;
    }
    i %= n;
    consume(acc);
    return host;
  };
  return {
    id: caseId('bound', 'counter', n),
    label: 'bare counter read',
    kind: 'bound',
    hosts: n,
    run,
  };
}

/** Pop the earliest entry of an n-entry heap and push it back one period (1/weight) later. */
export function heapPopPushCase(n: number): BenchCase {
  const periods = hostWeights(n, true).map((w) => 1 / w);
  const heap = new BinaryHeap(n);
  for (let i = 0; i < n; i++) heap.push(periods[i], i);
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = heap.pop();
      heap.push(heap.poppedKey + periods[host], host);
      acc += host;
    }
    consume(acc);
    return host;
  };
  return {
    id: caseId('bound', 'heap', n),
    label: 'bare heap pop+push',
    kind: 'bound',
    hosts: n,
    run,
  };
}

/** As `heapPopPushCase`, with equal keys popped in insertion order (Envoy's EDF tie-break). */
export function fifoHeapPopPushCase(n: number): BenchCase {
  const periods = hostWeights(n, true).map((w) => 1 / w);
  const heap = new FifoBinaryHeap(n);
  for (let i = 0; i < n; i++) heap.push(periods[i], i);
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = heap.pop();
      heap.push(heap.poppedKey + periods[host], host);
      acc += host;
    }
    consume(acc);
    return host;
  };
  return {
    id: caseId('bound', 'heap-fifo', n),
    label: 'bare heap, FIFO ties',
    kind: 'bound',
    hosts: n,
    run,
  };
}
