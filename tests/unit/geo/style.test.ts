// The style module: valid for both flavors, themes and languages; every source-layer it uses
// exists in the archive it points at (our embedded archive, and a synthetic Protomaps-schema
// extract written with our writer); nothing loads from another origin.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { PMTiles } from 'pmtiles';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { LayerSpecification } from 'maplibre-gl';
import {
  basemapStyle,
  setBasemapLanguage,
  setHiddenBasemapPlaces,
  basemapAttribution,
  NOTES_METADATA,
  BASEMAP_ATTRIBUTION,
  BASEMAP_PALETTES,
  LABEL_FONT,
  MAP_FONT_FACES,
  type Lang,
  type Theme,
} from '../../../src/lib/map/style/index';
import { openArchive, nodeDecompress, readVectorTile } from '../../../geo/lib/archive-read.mjs';
import { tileOf as tileFor } from '../../../src/lib/map/mercator.js';
import { BytesSource, FIXTURE_MAXZOOM, protomapsExtract } from './protomaps-fixture';
import { fontFaceCss } from '../../../src/build/fonts/css';
import { readManifest } from '../../../src/build/fonts/cut';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

async function vectorLayerIds(pm: PMTiles): Promise<Set<string>> {
  const meta = (await pm.getMetadata()) as { vector_layers: { id: string }[] };
  return new Set(meta.vector_layers.map((l) => l.id));
}

const sourceLayers = (layers: LayerSpecification[]) =>
  layers.flatMap((l) => ('source-layer' in l && l['source-layer'] ? [l['source-layer']] : []));

describe('basemapStyle()', () => {
  for (const flavor of ['embedded', 'protomaps'] as const)
    for (const theme of ['light', 'dark'] as Theme[])
      for (const lang of ['en', 'zh'] as Lang[]) {
        it(`validates: ${flavor}, ${theme}, ${lang}`, () => {
          const style = basemapStyle({ flavor, theme, lang });
          expect(validateStyleMin(style)).toEqual([]);
          expect(style.state).toEqual({ lang: { default: lang } });
          expect(style.glyphs).toBeUndefined();
          for (const l of style.layers)
            if (l.type === 'symbol') expect(l.layout?.['text-font']).toEqual(LABEL_FONT);
          expect(style.layers.every((l) => l.id.startsWith('basemap-'))).toBe(true);
        });
      }

  it('points at same-origin files only: the archive and the font', () => {
    const style = basemapStyle({ lang: 'en', theme: 'light' });
    const src = style.sources.basemap as { url: string };
    expect(src.url).toBe('pmtiles:///basemap.pmtiles');
    const faces = style['font-faces'] as Record<string, { url: string }[]>;
    expect(Object.keys(faces)).toEqual(LABEL_FONT);
    expect(faces[LABEL_FONT[0]!]![0]!.url).toBe(MAP_FONT_FACES[0]!.url);
    // links in the attribution HTML are not requests; nothing else may name another origin
    const { attribution: _, ...source } = style.sources.basemap as { attribution: string };
    expect(JSON.stringify({ ...style, sources: { basemap: source } })).not.toMatch(/https?:\/\//);
    expect(
      basemapStyle({ lang: 'en', theme: 'light', archiveUrl: '/x/extract.pmtiles', flavor: 'protomaps' })
        .sources.basemap,
    ).toMatchObject({
      url: 'pmtiles:///x/extract.pmtiles',
    });
  });

  it('resolves relative URLs against the page origin in a browser', () => {
    vi.stubGlobal('window', {
      location: { href: 'http://kiosk.local:4173/story/index.html', origin: 'http://kiosk.local:4173' },
    });
    try {
      const style = basemapStyle({ lang: 'zh', theme: 'dark' });
      expect((style.sources.basemap as { url: string }).url).toBe(
        'pmtiles://http://kiosk.local:4173/basemap.pmtiles',
      );
      const faces = style['font-faces'] as Record<string, { url: string }[]>;
      expect(faces[LABEL_FONT[0]!]![0]!.url).toBe(`http://kiosk.local:4173${MAP_FONT_FACES[0]!.url}`);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('switches language through global state, idempotently', () => {
    const calls: unknown[][] = [];
    const source: { attribution?: string } = {};
    let metadata: unknown = undefined;
    const map = {
      setGlobalStateProperty: (...a: unknown[]) => calls.push(a),
      getStyle: () => ({ metadata }),
      getSource: (id: string) => (id === 'basemap' ? source : undefined),
    } as unknown as import('maplibre-gl').Map;
    setBasemapLanguage(map, 'zh');
    setBasemapLanguage(map, 'zh');
    setBasemapLanguage(map, 'en');
    expect(calls).toEqual([
      ['lang', 'zh'],
      ['lang', 'zh'],
      ['lang', 'en'],
    ]);
    // A story without notes on its map: the basemap source gets no credit of its own.
    expect(source.attribution).toBeUndefined();
    // With notes (kept in the style's metadata): the source's credit follows the language.
    metadata = { [NOTES_METADATA]: { en: 'quay redrawn', zh: '码头重绘' } };
    setBasemapLanguage(map, 'zh');
    expect(source.attribution).toBe('码头重绘');
    setBasemapLanguage(map, 'en');
    expect(source.attribution).toBe('quay redrawn');
  });

  it('draws rivers given as water areas in the rivers’ colour, lakes in the water’s', () => {
    for (const theme of ['light', 'dark'] as Theme[]) {
      const style = basemapStyle({ lang: 'en', theme });
      const layer = style.layers.find((l) => l.id === 'basemap-water')!;
      const fill = createExpression(
        (layer.paint as Record<string, unknown>)['fill-color'],
        `layers[${style.layers.indexOf(layer)}].paint.fill-color`,
      );
      if (fill.result !== 'success') throw new Error('fill-color does not compile');
      const colour = (properties: Record<string, unknown>) =>
        fill.value.evaluate({ zoom: 11 }, { type: 'Polygon', properties } as never);
      const c = BASEMAP_PALETTES[theme];
      expect(colour({ kind: 'water', kind_detail: 'river' })).toBe(c.river);
      expect(colour({ kind: 'lake' })).toBe(c.water);
      // the river lines use the same colour, so that a line runs on into its area without a seam
      const rivers = style.layers.find((l) => l.id === 'basemap-rivers')!;
      expect((rivers.paint as Record<string, unknown>)['line-color']).toBe(c.river);
    }
  });

  it('hides basemap cities by English name through feature state, not by a new layout', () => {
    const style = basemapStyle({ lang: 'en', theme: 'light' });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources.basemap).toMatchObject({ promoteId: { places: 'name:en' } });
    for (const id of ['basemap-label-city', 'basemap-city-dot']) {
      const layer = style.layers.find((l) => l.id === id)!;
      // A filter that changed per chapter would re-parse every loaded tile.
      expect(JSON.stringify('filter' in layer ? layer.filter : null)).not.toMatch(/state/);
      const paint = (layer.paint ?? {}) as Record<string, unknown>;
      const key = id === 'basemap-label-city' ? 'text-opacity' : 'circle-opacity';
      const opacity = createExpression(paint[key], `layers[${style.layers.indexOf(layer)}].paint.${key}`);
      if (opacity.result !== 'success') throw new Error(`${id} ${key} does not compile`);
      const at = (state: Record<string, unknown>) =>
        opacity.value.evaluate({ zoom: 5 }, { type: 'Point', properties: {} } as never, state);
      expect(at({ hidden: true }), `${id} hidden`).toBe(0);
      expect(at({ hidden: false }), `${id} shown`).toBe(1);
      expect(at({}), `${id} by default`).toBe(1);
    }
    const calls: unknown[][] = [];
    const map = {
      getSource: (id: string) => (id === 'basemap' ? {} : undefined),
      setFeatureState: (...a: unknown[]) => calls.push(a),
    } as unknown as import('maplibre-gl').Map;
    setHiddenBasemapPlaces(map, ['Chongqing', 'Beijing', 'Pudong'], ['Beijing']);
    const target = (id: string) => ({ source: 'basemap', sourceLayer: 'places', id });
    expect(calls).toEqual([
      [target('Chongqing'), { hidden: false }],
      [target('Beijing'), { hidden: true }],
      [target('Pudong'), { hidden: false }],
    ]);
  });

  it("adds a story's own map notes only for a story that has them, escaped, in the reader's language", () => {
    // A story without notes: the data sets' credits alone, no other story's corrections.
    for (const lang of ['en', 'zh'] as const)
      for (const flavor of ['embedded', 'protomaps'] as const) {
        const plain = basemapAttribution(flavor, lang);
        expect(plain).not.toMatch(/Chaotianmen|朝天门|schematic|示意/);
        expect(basemapAttribution(flavor, lang, undefined)).toBe(plain);
      }
    const notes = { en: 'harbour <wall> moved', zh: '港口堤岸经修正' };
    expect(basemapAttribution('embedded', 'en', notes)).toBe(
      `${basemapAttribution('embedded', 'en')} · harbour &lt;wall&gt; moved`,
    );
    expect(basemapAttribution('embedded', 'zh', notes)).toMatch(/ · 港口堤岸经修正$/);
  });

  it('names every source and licence in the attribution', () => {
    expect(BASEMAP_ATTRIBUTION).toBe(basemapAttribution('embedded'));
    for (const s of ['GSHHG', 'DCW', 'LGPL', 'Natural Earth', 'public domain'])
      expect(BASEMAP_ATTRIBUTION).toContain(s);
    expect(basemapAttribution('protomaps')).toMatch(/OpenStreetMap/);
    expect(basemapAttribution('protomaps')).toMatch(/Protomaps/);
    // In Chinese: the same data sets, licences and links; what they are, in Chinese.
    const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    for (const flavor of ['embedded', 'protomaps'] as const) {
      const zh = basemapAttribution(flavor, 'zh');
      expect(links(zh), flavor).toEqual(links(basemapAttribution(flavor, 'en')));
      expect(zh).toMatch(/公有领域/);
    }
    for (const s of ['GSHHG', 'DCW', 'LGPL', 'Natural Earth', '海岸线', '省级界线', '争议边界'])
      expect(basemapAttribution('embedded', 'zh')).toContain(s);
  });

  it('the map’s parts are files of the site', () => {
    for (const f of MAP_FONT_FACES) expect(existsSync(root(`static${f.url}`))).toBe(true);
  });

  it('the page CSS declares each font file with its family, weight and unicode-range, the interface part last', () => {
    // Generated from the manifest the map's parts come from too, loaded by main.ts just before app.css.
    const manifest = readManifest(root('static/fonts'))!;
    const css = fontFaceCss(manifest.files);
    const faces = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => ({
      family: /font-family:\s*'([^']+)'/.exec(m[1]!)![1],
      url: /url\('([^']+)'\)/.exec(m[1]!)![1],
      weight: Number(/font-weight:\s*(\d+)/.exec(m[1]!)![1]),
      range: /unicode-range:\s*([^;]+);/.exec(m[1]!)?.[1],
    }));
    expect(faces).toEqual(
      manifest.files.map((f) => ({
        family: f.family,
        url: `/fonts/${f.file}`,
        weight: f.cssWeight,
        range: f.range,
      })),
    );
    for (const w of [400, 700])
      expect(faces.filter((f) => f.weight === w).at(-1)!.url).toMatch(/-ui\.subset\.woff2$/);
    expect(readFileSync(root('src/app.css'), 'utf8')).not.toMatch(/@font-face\s*{/);
    const main = readFileSync(root('src/main.ts'), 'utf8');
    expect(main.indexOf("import 'virtual:fonts.css'")).toBeGreaterThan(-1);
    expect(main.indexOf("import 'virtual:fonts.css'")).toBeLessThan(main.indexOf("import './app.css'"));
  });

  it('the map labels use the regular parts, the specific before the broad (MapLibre takes the first that covers a character)', () => {
    const style = basemapStyle({ lang: 'zh', theme: 'light' });
    const faces = (style['font-faces'] as Record<string, { url: string; 'unicode-range': string[] }[]>)[
      LABEL_FONT[0]!
    ]!;
    const manifest = readManifest(root('static/fonts'))!;
    const regular = manifest.files.filter((f) => f.cssWeight === 400 && f.group !== 'ui').reverse();
    expect(faces).toEqual(
      regular.map((f) => ({
        url: `/fonts/${f.file}`,
        'unicode-range': (f.mapRange ?? f.range).split(/,\s*/),
      })),
    );
    // Chinese first, for its characters only; Latin last, for what no other part has.
    expect(faces[0]!['unicode-range']).toEqual(['U+2E80-10FFFF']);
    expect(faces.at(-1)!.url).toMatch(/NotoSans-Regular-latin/);
  });
});

describe('embedded archive and the style', () => {
  let pm: PMTiles;
  beforeAll(() => {
    pm = openArchive(root('static/basemap.pmtiles')).pm;
  });
  it('is within budget and covers zoom 0 to 11', async () => {
    expect(statSync(root('static/basemap.pmtiles')).size).toBeLessThanOrEqual(15 * 1024 * 1024);
    const h = await pm.getHeader();
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBeGreaterThanOrEqual(10);
    expect(h.maxZoom).toBe(11);
    // the style leaves the zoom range to the archive's header (the pmtiles protocol's TileJSON)
    const source = basemapStyle({ lang: 'en', theme: 'light' }).sources.basemap as Record<string, unknown>;
    expect(source.maxzoom).toBeUndefined();
    expect(source.url).toMatch(/^pmtiles:/);
  });
  it('has every source-layer the embedded style uses', async () => {
    const ids = await vectorLayerIds(pm);
    for (const sl of sourceLayers(basemapStyle({ lang: 'en', theme: 'light' }).layers))
      expect(ids).toContain(sl);
    expect([...ids].sort()).toEqual(['boundaries', 'earth', 'places', 'water']);
  });
  it('has non-empty tiles with labels in both languages at Chongqing, China and Eurasia zooms', async () => {
    for (const [lon, lat, z] of [
      [106.586, 29.565, 10],
      [106.586, 29.565, 4],
      [60, 45, 2],
    ] as const) {
      const [x, y] = tileFor(lon, lat, z);
      const t = await readVectorTile(pm, z, x, y);
      expect(t, `tile ${z}/${x}/${y}`).toBeDefined();
      expect(Object.keys(t!.layers)).toContain('earth');
    }
    const [x, y] = tileFor(106.586, 29.565, 6);
    const places = (await readVectorTile(pm, 6, x, y))!.layers.places!;
    const names = Array.from({ length: places.length }, (_, i) => places.feature(i).properties);
    const cq = names.find((p) => p['name:en'] === 'Chongqing');
    expect(cq?.['name:zh']).toBe('重庆');
  });
});

describe('flavor switch: a Protomaps-schema extract', () => {
  let pm: PMTiles;
  beforeAll(() => {
    pm = new PMTiles(new BytesSource(protomapsExtract()), undefined, nodeDecompress);
  });
  it('is a valid archive written by our writer', async () => {
    const h = await pm.getHeader();
    expect(h.maxZoom).toBe(FIXTURE_MAXZOOM);
  });
  it('has every layer of the Protomaps basemap schema, with kinds and names in several languages', async () => {
    const ids = await vectorLayerIds(pm);
    for (const layer of [
      'earth',
      'landcover',
      'landuse',
      'water',
      'roads',
      'buildings',
      'boundaries',
      'places',
      'pois',
    ])
      expect(ids, layer).toContain(layer);
    // At street scale by Chaotianmen: roads of several kinds (a bridge among them), buildings, the river as an area.
    const [x, y] = tileFor(106.575, 29.562, FIXTURE_MAXZOOM);
    const t = (await readVectorTile(pm, FIXTURE_MAXZOOM, x, y))!;
    const props = (layer: string) =>
      Array.from({ length: t.layers[layer]?.length ?? 0 }, (_, i) => t.layers[layer]!.feature(i).properties);
    expect(new Set(props('roads').map((p) => p.kind))).toEqual(
      new Set(['major_road', 'medium_road', 'minor_road', 'path']),
    );
    expect(props('roads').some((p) => p.is_bridge === true)).toBe(true);
    expect(props('buildings').length).toBeGreaterThan(0);
    expect(props('water').some((p) => p.kind === 'water' && p.kind_detail === 'river')).toBe(true);
    const [px, py] = tileFor(106.55, 29.56, 8);
    const places = (await readVectorTile(pm, 8, px, py))!.layers.places!;
    const city = Array.from({ length: places.length }, (_, i) => places.feature(i).properties).find(
      (p) => p['name:en'] === 'Chongqing',
    )!;
    expect(city).toMatchObject({ name: '重庆', 'name:zh': '重庆', 'name:fr': 'Chongqing', kind: 'locality' });
  });
  it('has every source-layer the protomaps-flavor style uses', async () => {
    const ids = await vectorLayerIds(pm);
    const style = basemapStyle({
      lang: 'zh',
      theme: 'dark',
      flavor: 'protomaps',
      archiveUrl: '/protomaps-extract.pmtiles',
    });
    expect(validateStyleMin(style)).toEqual([]);
    for (const sl of sourceLayers(style.layers)) expect(ids).toContain(sl);
  });
  it('changes only the source url, attribution and the OSM-only layers', () => {
    const a = basemapStyle({ lang: 'en', theme: 'light' });
    const b = basemapStyle({
      lang: 'en',
      theme: 'light',
      flavor: 'protomaps',
      archiveUrl: '/protomaps-extract.pmtiles',
    });
    const ida = a.layers.map((l) => l.id);
    const idb = b.layers.map((l) => l.id);
    expect(ida.every((id) => idb.includes(id))).toBe(true);
    expect(idb.filter((id) => !ida.includes(id)).sort()).toEqual([
      'basemap-buildings',
      'basemap-landuse',
      'basemap-rail',
      'basemap-roads',
    ]);
  });
});
