// The bundle budgets of issue 8, on the real build output (npm test builds before this runs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGETS, bundleReport, checkBundle, classify, formatKB } from '../../src/build/perf/budget';
import { distAssetSizes } from '../../src/build/perf/dist-sizes';

describe('bundle arithmetic', () => {
  it('tells MapLibre chunks from ours and ignores files that are not code', () => {
    const assets = classify([
      { file: 'assets/index-Ab1.js', raw: 10, gzip: 4 },
      { file: 'assets/map-view-Cd2.js', raw: 20, gzip: 8 },
      { file: 'assets/maplibre-Ef3.js', raw: 1000, gzip: 300 },
      { file: 'assets/maplibre-gl-worker-Gh4.mjs', raw: 500, gzip: 150 },
      { file: 'assets/maplibre-Ij5.css', raw: 70, gzip: 10 },
      { file: 'assets/index-Kl6.css', raw: 5, gzip: 2 },
      { file: 'basemap.pmtiles', raw: 9999, gzip: 9999 },
      { file: 'fonts/noto.woff2', raw: 9999, gzip: 9999 },
    ]);
    expect(assets.map((a) => `${a.file}:${a.owner}:${a.kind}`)).toEqual([
      'assets/index-Ab1.js:app:js',
      'assets/index-Kl6.css:app:css',
      'assets/map-view-Cd2.js:app:js',
      'assets/maplibre-Ef3.js:maplibre:js',
      'assets/maplibre-gl-worker-Gh4.mjs:maplibre:js',
      'assets/maplibre-Ij5.css:maplibre:css',
    ]);
    const r = bundleReport(assets);
    expect(r.app).toEqual({ raw: 35, gzip: 14 });
    expect(r.maplibre).toEqual({ raw: 1570, gzip: 460 });
    expect(r.total.gzip).toBe(474);
    expect(checkBundle(r).every((c) => c.ok)).toBe(true);
    expect(checkBundle({ ...r, app: { raw: 0, gzip: BUDGETS.appGzip + 1 } })[0]!.ok).toBe(false);
  });
});

// Without a build (a quick `npx vitest run`) this part is skipped; npm test and CI build first.
describe.runIf(existsSync('dist/index.html') || !!process.env.CI)('the build output (dist/)', () => {
  const report = bundleReport(distAssetSizes('dist'));

  it('has MapLibre in chunks of its own, so that our share is measurable', () => {
    const files = report.assets.map((a) => a.file);
    expect(
      files.some((f) => /^assets\/maplibre-[\w-]+\.js$/.test(f)),
      files.join(', '),
    ).toBe(true);
    expect(files.some((f) => /^assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(f))).toBe(true);
    // MapLibre is ~1 MB raw: if it slipped into one of our chunks, this catches it.
    expect(report.maplibre.raw).toBeGreaterThan(1_000_000);
    for (const a of report.assets.filter((x) => x.owner === 'app' && x.kind === 'js'))
      expect(a.raw, `${a.file} holds no MapLibre`).toBeLessThan(300_000);
  });

  it('measures what the host sends: each script and style has its gzip copy, which decodes to the file', () => {
    for (const a of report.assets) {
      const file = join('dist', a.file);
      expect(existsSync(`${file}.gz`), `${a.file}.gz`).toBe(true);
      const gz = readFileSync(`${file}.gz`);
      expect(gunzipSync(gz).equals(readFileSync(file)), `${a.file}.gz decodes to ${a.file}`).toBe(true);
      expect(a.gzip).toBe(gz.length);
    }
  });

  it(`keeps our code ≤ ${formatKB(BUDGETS.appGzip)} gzip and everything ≤ ${formatKB(BUDGETS.totalGzip)} gzip`, () => {
    for (const c of checkBundle(report)) {
      expect(c.actual, `${c.name}: ${formatKB(c.actual)} (limit ${formatKB(c.limit)})`).toBeLessThanOrEqual(
        c.limit,
      );
    }
  });
});
