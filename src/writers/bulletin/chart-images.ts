import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../../shared/charts/palette.js';
import { findCjkFont, findLatinFont, fontFamily } from './cjk-font.js';

/**
 * Charts drawn on the server, without a browser: the web app's ECharts option (src/shared/charts/)
 * rendered to SVG by ECharts' server-side renderer, then rasterised to PNG by resvg for word
 * processors that cannot show SVG.
 *
 * resvg opens and parses the font again for every piece of text it lays out, which with a large
 * CJK font costs milliseconds a label: labels without Chinese (counts, ticks) are set in a small
 * Latin font for the PNG, so only the unit names, periods and legend go through the CJK one.
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
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    // Loaded here, not at the top: a machine without the native binary still gets its bulletin
    // (without pictures, and a warning) instead of failing to start.
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (e) {
    return { images, warnings: images.map((img) => failed(img.id, e)) };
  }
  const fonts = rasterFonts(opts.fontFolders);
  if (!fonts.cjk) warnings.push({ key: 'bulletin.warning.noCjkFont' });
  for (const img of images) {
    try {
      const resvg = new Resvg(fonts.latinFamily ? latinLabels(img.svg, fonts.latinFamily) : img.svg, {
        font: fonts.options,
        fitTo: { mode: 'zoom', value: ZOOM },
        background: '#ffffff',
        logLevel: 'off',
      });
      img.png = new Uint8Array(resvg.render().asPng());
    } catch (e) {
      warnings.push(failed(img.id, e));
    }
  }
  return { images, warnings };
}

function failed(chart: string, e: unknown): ChartWarning {
  return {
    key: 'bulletin.warning.chartFailed',
    params: { chart, detail: e instanceof Error ? e.message : String(e) },
  };
}

interface RasterFonts {
  cjk: string | null;
  latinFamily: string | null;
  options: NonNullable<import('@resvg/resvg-js').ResvgRenderOptions['font']>;
}

/**
 * The CJK font, named as every generic family the charts may ask for (a generic family resvg
 * cannot resolve by name sends each label through its slower fallback search), and a Latin font
 * for the labels without Chinese. Without a CJK font, the system's fonts draw what they can.
 */
function rasterFonts(folders: readonly string[] | undefined): RasterFonts {
  const cjk = findCjkFont(folders);
  if (!cjk) return { cjk, latinFamily: null, options: { loadSystemFonts: true } };
  const family = fontFamily(cjk);
  const latin = findLatinFont(folders);
  const latinFamily = latin ? fontFamily(latin) : null;
  return {
    cjk,
    latinFamily,
    options: {
      loadSystemFonts: false,
      fontFiles: latin && latinFamily ? [cjk, latin] : [cjk],
      ...(family
        ? { defaultFontFamily: family, sansSerifFamily: family, serifFamily: family, monospaceFamily: family }
        : {}),
    },
  };
}

const TEXT = /<text\b([^>]*?)font-family:sans-serif;([^>]*)>([^<]*)<\/text>/g;
/** Han, kana, CJK punctuation and full-width forms: text the Latin font cannot set. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** The SVG for the rasteriser: its labels without Chinese in the Latin font. */
function latinLabels(svg: string, family: string): string {
  return svg.replace(TEXT, (whole, before: string, after: string, text: string) =>
    CJK.test(text) ? whole : `<text${before}font-family:'${family}';${after}>${text}</text>`,
  );
}
