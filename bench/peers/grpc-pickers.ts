/**
 * Peers from grpc-js: its round-robin picker and its weighted round-robin picker (an EDF on its
 * generic array-of-objects PriorityQueue, re-pushing a spread copy of the entry per pick), over
 * `n` fake endpoints whose leaf pickers return one preallocated COMPLETE result. Real leaves
 * (PickFirstPicker) allocate a result per pick, so these numbers are a lower bound for grpc-js.
 * WRR child weights are the same 1..5 cycle as the library's weighted cases.
 */
import type { BenchCase } from '../harness/bench-case.js';
import { BATCH, caseId } from '../harness/bench-case.js';
import { weightOfHost } from '../harness/fixtures.js';
import { consume } from '../harness/sink.js';
import type { GrpcPicker, GrpcPickResult } from './grpc-internals.js';
import { grpcRoundRobinPicker, grpcWeightedRoundRobinPicker } from './grpc-internals.js';

/** Stands in for a connected subchannel; WRR unwraps it with `getWrappedSubchannel()`. */
class FakeSubchannel {
  constructor(readonly index: number) {}

  getWrappedSubchannel(): FakeSubchannel {
    return this;
  }
}

/** A READY leaf: always completes on its subchannel. */
class FakeLeafPicker implements GrpcPicker {
  readonly #result: GrpcPickResult;

  constructor(index: number) {
    this.#result = {
      pickResultType: 0,
      subchannel: new FakeSubchannel(index),
      status: null,
      onCallStarted: null,
      onCallEnded: null,
    } as GrpcPickResult;
  }

  pick(): GrpcPickResult {
    return this.#result;
  }
}

const PICK_ARGS = Object.freeze({ metadata: null, extraPickInfo: {} });

export function grpcRoundRobinCase(n: number): BenchCase {
  const RoundRobinPicker = grpcRoundRobinPicker();
  const children = Array.from({ length: n }, (_, i) => ({
    endpoint: { addresses: [{ host: `10.0.${i >> 8}.${i & 255}`, port: 8080 }] },
    picker: new FakeLeafPicker(i),
  }));
  const picker = new RoundRobinPicker(children, 0);
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = (picker.pick(PICK_ARGS).subchannel as FakeSubchannel).index;
      acc += host;
    }
    consume(acc);
    return host;
  };
  return {
    id: caseId('peer', 'grpc-rr', n),
    label: 'grpc-js RR picker',
    kind: 'peer',
    hosts: n,
    run,
  };
}

export function grpcWeightedRoundRobinCase(n: number): BenchCase {
  const WeightedRoundRobinPicker = grpcWeightedRoundRobinPicker();
  const children = Array.from({ length: n }, (_, i) => ({
    endpointName: `10.0.${i >> 8}.${i & 255}:8080`,
    picker: new FakeLeafPicker(i),
    weight: weightOfHost(i),
  }));
  const picker = new WeightedRoundRobinPicker(children, null);
  const run = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      host = (picker.pick(PICK_ARGS).subchannel as FakeSubchannel).index;
      acc += host;
    }
    consume(acc);
    return host;
  };
  return {
    id: caseId('peer', 'grpc-wrr', n),
    label: 'grpc-js WRR picker',
    kind: 'peer',
    hosts: n,
    run,
  };
}
