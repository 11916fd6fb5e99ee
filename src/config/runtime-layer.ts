/**
 * Runtime values from a bootstrap's `layered_runtime`: each `static_layer` is a nested map whose
 * paths join into dotted keys (`upstream: {healthy_panic_threshold: 40}` →
 * `upstream.healthy_panic_threshold = 40`); later layers override earlier ones, as in Envoy.
 * https://www.envoyproxy.io/docs/envoy/latest/configuration/operations/runtime
 */
import type { RuntimeValues } from '../model/lb-config.js';
import type { MessageReader } from './proto-reader.js';

/** Flattens a static layer into dotted keys; numeric strings become numbers. */
function flattenStaticLayer(
  layer: unknown,
  prefix = '',
  out: Record<string, number | boolean> = {},
): Record<string, number | boolean> {
  if (layer === null || typeof layer !== 'object' || Array.isArray(layer)) {
    const key = prefix;
    if (typeof layer === 'number' || typeof layer === 'boolean') out[key] = layer;
    else if (typeof layer === 'string' && layer.trim() !== '' && Number.isFinite(Number(layer)))
      out[key] = Number(layer);
    return out;
  }
  for (const [k, v] of Object.entries(layer))
    flattenStaticLayer(v, prefix === '' ? k : `${prefix}.${k}`, out);
  return out;
}

/** The runtime a bootstrap's `layered_runtime` gives, reading its static layers. */
export function readLayeredRuntime(runtime: MessageReader): RuntimeValues {
  const values: Record<string, number | boolean> = {};
  for (const layer of runtime.messages('layers', 'envoy.config.bootstrap.v3.RuntimeLayer')) {
    layer.ignore(['name']);
    const staticLayer = layer.raw('static_layer');
    if (staticLayer !== undefined) Object.assign(values, flattenStaticLayer(staticLayer));
    layer.unsupported(
      ['disk_layer', 'admin_layer', 'rtds_layer'],
      'only static runtime layers are read; pass other values as runtime overrides',
    );
    layer.finish();
  }
  runtime.finish();
  return values;
}
