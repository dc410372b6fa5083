import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
import type { ChartOption } from '../../shared/charts/palette.js';
import { chartFont } from './chart-font.js';

/**
 * Charts drawn on the server, without a browser: the web app's ECharts option (src/shared/charts/)
 * rendered to SVG by ECharts' server-side renderer, then rasterised to PNG by resvg for word
 * processors that cannot show SVG. The charts are rasterised in parallel (resvg's async render runs
 * on libuv's thread pool), with a font cut down to their labels (chart-font.ts).
 */

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer, LabelLayout]);

export interface ChartSpec {
  id: string;
  option: ChartOption;
  /** Size in CSS pixels: the text is 12 px at this size. */
  width: number;
  height: number;
}

export interface ChartImage {
  id: string;
  svg: string;
  /** null when it could not be rasterised (see the warnings). */
  png: Uint8Array | null;
  width: number;
  height: number;
}

/** Why a picture is missing or poor, as catalogue keys with their parameters. */
export interface ChartWarning {
  key: string;
  params?: Record<string, string>;
}

/** Pixels per CSS pixel of the PNG: about 220 dpi at the type area's width. */
const ZOOM = 2;

export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.width,
    height: spec.height,
  });
  try {
    chart.setOption({ ...spec.option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function renderCharts(
  specs: readonly ChartSpec[],
  opts: { fontFolders?: readonly string[] } = {},
): Promise<{ images: ChartImage[]; warnings: ChartWarning[] }> {
  const warnings: ChartWarning[] = [];
  const images = specs.map((s): ChartImage => ({
    id: s.id,
    svg: chartSvg(s),
    png: null,
    width: s.width,
    height: s.height,
  }));
  if (images.length === 0) return { images, warnings };
  let renderAsync: typeof import('@resvg/resvg-js').renderAsync;
  try {
    // Loaded here, not at the top: a machine without the native binary still gets its bulletin
    // (without pictures, and a warning) instead of failing to start.
    ({ renderAsync } = await import('@resvg/resvg-js'));
  } catch (e) {
    return { images, warnings: images.map((img) => failed(img.id, e)) };
  }
  const font = chartFont(
    images.map((i) => i.svg),
    opts.fontFolders,
  );
  if (!font) warnings.push({ key: 'bulletin.warning.noCjkFont' });
  const results = await Promise.all(
    images.map(async (img) => {
      try {
        const rendered = await renderAsync(img.svg, {
          // Without a CJK font, the system's fonts at least draw the numbers and Latin text.
          font: font ?? { loadSystemFonts: true },
          fitTo: { mode: 'zoom', value: ZOOM },
          background: '#ffffff',
          logLevel: 'off',
        });
        img.png = new Uint8Array(rendered.asPng());
        return null;
      } catch (e) {
        return failed(img.id, e);
      }
    }),
  );
  for (const w of results) if (w) warnings.push(w);
  return { images, warnings };
}

function failed(chart: string, e: unknown): ChartWarning {
  return {
    key: 'bulletin.warning.chartFailed',
    params: { chart, detail: e instanceof Error ? e.message : String(e) },
  };
}
