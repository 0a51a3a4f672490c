// Performance budgets and the bundle arithmetic behind them. Pure: the test on the build output
// (tests/unit/budget.test.ts) and the benchmark (scripts/bench.mjs) both use it.

export const KB = 1024;

/**
 * The budgets of issue 8, with the targets of issue 17 (first idle no slower and flights no poorer
 * than the bare page; Lighthouse mobile 85). Sizes are gzip bytes; the map timings are ratios
 * against a bare MapLibre page.
 */
export const BUDGETS = {
  /**
   * Our own JavaScript and CSS, MapLibre (library, worker, its CSS) apart, every mode's chunks
   * counted (the service worker caches them all for every reader), as the host sends them: the
   * build's gzip copies (Zopfli, scripts/precompress.mjs). A host that compresses each file by
   * itself sends more: about 62.4 KB at zlib's best level (the bench prints both). A scroll
   * reader loads about 43 KB of it, the overview inset included.
   */
  appGzip: 60 * KB,
  /** Everything: JavaScript (worker included) and CSS, as the host sends it (the gzip copies). */
  totalGzip: 500 * KB,
  /** Navigation to the first chapter's map `idle`, as a multiple of the bare page's time. */
  firstIdleRatio: 1.0,
  /** Frames rendered during a chapter flight, as a fraction of the bare page's frames. */
  flightFramesRatio: 1.0,
  /** Long tasks (> 50 ms) caused by app code while scrolling the whole story. */
  appLongTasks: 0,
  lighthouse: {
    mobile: { performance: 85, accessibility: 100, 'best-practices': 100, seo: 100 },
    desktop: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
  },
} as const;

export type AssetKind = 'js' | 'css';
export type AssetOwner = 'app' | 'maplibre';

export interface AssetSize {
  /** Path inside the build output, e.g. "assets/index-abc123.js". */
  file: string;
  raw: number;
  gzip: number;
}

export interface ClassifiedAsset extends AssetSize {
  kind: AssetKind;
  owner: AssetOwner;
}

/** JavaScript and CSS files of a build; anything else (HTML, archive, fonts, images) is not code. */
export function assetKind(file: string): AssetKind | undefined {
  if (/\.(?:m?js)$/.test(file)) return 'js';
  if (/\.css$/.test(file)) return 'css';
  return undefined;
}

/**
 * Who a built file belongs to: vite.config.ts puts MapLibre in chunks named `maplibre-*`
 * (library and its CSS), its PMTiles tile reader in `maplibre-pmtiles-*`, and the worker is
 * `maplibre-gl-worker-*`; every other chunk (our code and the Svelte runtime) is the app's.
 */
export function assetOwner(file: string): AssetOwner {
  const base = file.split('/').pop() ?? file;
  return /^maplibre(?:-gl-worker)?-[\w-]+\.(?:m?js|css)$/.test(base) ? 'maplibre' : 'app';
}

export function classify(assets: readonly AssetSize[]): ClassifiedAsset[] {
  const out: ClassifiedAsset[] = [];
  for (const a of assets) {
    const kind = assetKind(a.file);
    if (kind) out.push({ ...a, kind, owner: assetOwner(a.file) });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

export interface Totals {
  raw: number;
  gzip: number;
}

export interface BundleReport {
  assets: ClassifiedAsset[];
  app: Totals;
  appJs: Totals;
  appCss: Totals;
  maplibre: Totals;
  total: Totals;
  totalJs: Totals;
  totalCss: Totals;
}

const sum = (xs: readonly AssetSize[]): Totals => ({
  raw: xs.reduce((n, a) => n + a.raw, 0),
  gzip: xs.reduce((n, a) => n + a.gzip, 0),
});

export function bundleReport(assets: readonly AssetSize[]): BundleReport {
  const all = classify(assets);
  const app = all.filter((a) => a.owner === 'app');
  return {
    assets: all,
    app: sum(app),
    appJs: sum(app.filter((a) => a.kind === 'js')),
    appCss: sum(app.filter((a) => a.kind === 'css')),
    maplibre: sum(all.filter((a) => a.owner === 'maplibre')),
    total: sum(all),
    totalJs: sum(all.filter((a) => a.kind === 'js')),
    totalCss: sum(all.filter((a) => a.kind === 'css')),
  };
}

export interface BudgetCheck {
  name: string;
  actual: number;
  limit: number;
  ok: boolean;
}

export function checkBundle(report: BundleReport): BudgetCheck[] {
  const c = (name: string, actual: number, limit: number): BudgetCheck => ({
    name,
    actual,
    limit,
    ok: actual <= limit,
  });
  return [
    c('app code (JS+CSS, gzip, MapLibre apart)', report.app.gzip, BUDGETS.appGzip),
    c('all JS+CSS (gzip)', report.total.gzip, BUDGETS.totalGzip),
  ];
}

export const formatKB = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
