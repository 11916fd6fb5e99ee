/**
 * Loads grpc-js's picker classes, which its build does not export (`RoundRobinPicker` in
 * load-balancer-round-robin.js, `WeightedRoundRobinPicker` in
 * load-balancer-weighted-round-robin.js). The compiled module text is evaluated unchanged as a
 * CommonJS body with one `return` of the named classes appended; its own `require`s resolve
 * inside grpc-js, so the code timed is grpc-js 1.14.7's own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** grpc-js's `Picker.pick` as the benchmark calls it. */
export interface GrpcPicker {
  pick(pickArgs: unknown): GrpcPickResult;
}

/** The part of grpc-js's `PickResult` the benchmark reads. */
export interface GrpcPickResult {
  readonly pickResultType: number;
  readonly subchannel: unknown;
}

/** `new RoundRobinPicker(children, nextIndex)`. */
export type RoundRobinPickerClass = new (
  children: readonly { endpoint: unknown; picker: GrpcPicker }[],
  nextIndex?: number,
) => GrpcPicker;

/** `new WeightedRoundRobinPicker(children, metricsHandler)`. */
export type WeightedRoundRobinPickerClass = new (
  children: readonly { endpointName: string; picker: GrpcPicker; weight: number }[],
  metricsHandler: null,
) => GrpcPicker;

const grpcBuildDir = dirname(createRequire(import.meta.url).resolve('@grpc/grpc-js'));

function loadInternal(file: string, names: readonly string[]): Record<string, unknown> {
  const path = join(grpcBuildDir, file);
  const body = `${readFileSync(path, 'utf8')}\nreturn { ${names.join(', ')} };\n`;
  const factory = new Function('exports', 'require', 'module', '__filename', '__dirname', body);
  const exports = {};
  return factory(exports, createRequire(path), { exports }, path, dirname(path));
}

/** grpc-js's round-robin picker class. */
export function grpcRoundRobinPicker(): RoundRobinPickerClass {
  const loaded = loadInternal('load-balancer-round-robin.js', ['RoundRobinPicker']);
  return loaded.RoundRobinPicker as RoundRobinPickerClass;
}

/** grpc-js's weighted round-robin picker class. */
export function grpcWeightedRoundRobinPicker(): WeightedRoundRobinPickerClass {
  const loaded = loadInternal('load-balancer-weighted-round-robin.js', [
    'WeightedRoundRobinPicker',
  ]);
  return loaded.WeightedRoundRobinPicker as WeightedRoundRobinPickerClass;
}
