/**
 * `envoy-upstream-sim/testing`: the conformance runner (Node only), for checking the library
 * against vectors taken from Envoy's unit tests.
 */
export type { Vector, VectorResult, VectorStatus } from './conformance/vector.js';
export { runVector, SUPPORTED_AREAS } from './conformance/run-vector.js';
export type { ConformanceReport } from './conformance/run-directory.js';
export {
  formatConformanceReport,
  readVectorFile,
  runConformanceDirectory,
} from './conformance/run-directory.js';
