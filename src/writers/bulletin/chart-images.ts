import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../../shared/charts/palette.js';
import { findCjkFont } from './cjk-font.js';

/**
 * Charts drawn on the server, without a browser: the web app's ECharts option (src/shared/charts/)
 * rendered to SVG by ECharts' server-side renderer, then rasterised to PNG by resvg for word
 * processors that cannot show SVG. All charts of a document are rasterised in one pass (one SVG
 * holding them one under the other, cropped to each in turn): resvg parses its fonts once per
 * pass, and a CJK font is most of the time taken.
 */

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

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

/** Pixels per CSS pixel of the PNG: sharp when printed at the type area's width. */
const ZOOM = 2.5;

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
  try {
    // Loaded here, not at the top: a machine without the native binary still gets its bulletin,
    // with the SVG alone and a warning, instead of failing to start.
    const { Resvg } = await import('@resvg/resvg-js');
    const font = findCjkFont(opts.fontFolders);
    if (font === null) warnings.push({ key: 'bulletin.warning.noCjkFont' });
    const width = Math.max(...images.map((i) => i.width));
    let y = 0;
    const placed = images.map((img) => {
      const at = y;
      y += img.height;
      return { img, at };
    });
    const all =
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
      `width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">` +
      placed.map(({ img, at }) => img.svg.replace('<svg ', `<svg x="0" y="${at}" `)).join('') +
      '</svg>';
    const resvg = new Resvg(all, {
      // Without a CJK font, the system's fonts at least draw the numbers and Latin text.
      font: font === null ? { loadSystemFonts: true } : { loadSystemFonts: false, fontFiles: [font] },
      fitTo: { mode: 'zoom', value: ZOOM },
      background: '#ffffff',
      logLevel: 'off',
    });
    for (const { img, at } of placed) {
      const box = resvg.getBBox();
      if (!box) break;
      Object.assign(box, { x: 0, y: at, width: img.width, height: img.height });
      resvg.cropByBBox(box);
      img.png = new Uint8Array(resvg.render().asPng());
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    for (const img of images) {
      if (img.png === null)
        warnings.push({ key: 'bulletin.warning.chartFailed', params: { chart: img.id, detail } });
    }
  }
  return { images, warnings };
}
