/**
 * Renders a Vega-Lite spec to SVG or PNG (Node only): vega-lite compiles it, a headless vega View
 * draws the SVG, and resvg rasterizes it at 2× for PNG. The rendering packages are loaded only
 * when a chart is asked for, so they stay out of the library's import graph.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { prioritySpill } from '../analysis/priority-spill.js';
import type { Preview } from '../analysis/preview.js';
import type { ScenarioOptions } from '../analysis/scenario.js';
import type { LoadResult } from '../config/load-config.js';
import type { VegaLiteSpec } from '../report/charts.js';
import { ownershipChart, prioritySpillChart, splitChart } from '../report/charts.js';

/** A chart that cannot be made or written. */
export class ChartError extends Error {}

/** Which chart `--chart` draws. */
export type ChartKind = 'split' | 'spill' | 'ownership';

/** The spec of a chart kind for a preview of `config` with `options`. */
export function chartSpec(
  p: Preview,
  kind: ChartKind,
  config: LoadResult,
  options: ScenarioOptions,
): VegaLiteSpec {
  if (kind === 'split') return splitChart(p);
  if (kind === 'ownership') {
    if (p.tables.length === 0) {
      throw new ChartError(
        `an ownership chart needs RING_HASH or MAGLEV; ${p.cluster} uses ${p.lbPolicy}`,
      );
    }
    return ownershipChart(p);
  }
  return prioritySpillChart(prioritySpill(config, 0, options), 0);
}

/** The SVG text of a spec. */
export async function chartSvg(spec: VegaLiteSpec): Promise<string> {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG bytes of an SVG, at twice its size on a white background. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** Throws a ChartError unless `file` ends in .svg or .png. */
export function checkChartFile(file: string): void {
  const ext = extname(file).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') {
    throw new ChartError(`--chart ${file}: the file name must end in .svg or .png`);
  }
}

/** Writes the chart to `file` (.svg or .png). */
export async function renderChart(spec: VegaLiteSpec, file: string): Promise<void> {
  checkChartFile(file);
  const ext = extname(file).toLowerCase();
  const svg = await chartSvg(spec);
  try {
    writeFileSync(file, ext === '.svg' ? svg : await svgToPng(svg));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
    throw new ChartError(`--chart ${file}: cannot write the file (${code})`);
  }
}
