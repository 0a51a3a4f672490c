// The built files: what the app and MapLibre weigh, against the bundle budgets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function reportSizes({ dist, row, tsModule }) {
  const { bundleReport, checkBundle, formatKB } = await tsModule('src/build/perf/budget.ts');
  const { distAssetSizes, zlibLevel9 } = await tsModule('src/build/perf/dist-sizes.ts');
  const bundle = bundleReport(distAssetSizes(dist));
  const size = (t) => `${formatKB(t.raw)} raw, ${formatKB(t.gzip)} gzip`;
  // What a host that compresses each file by itself would send at best (zlib level 9), beside the
  // build's gzip copies that the budget counts.
  const zlib = (owner) =>
    formatKB(
      bundle.assets
        .filter((a) => !owner || a.owner === owner)
        .reduce((n, a) => n + zlibLevel9(readFileSync(join(dist, a.file))), 0),
    );
  for (const a of bundle.assets) row('bundle', `${a.file} (${a.owner})`, size(a));
  row('bundle', 'app JS', size(bundle.appJs));
  row('bundle', 'app CSS', size(bundle.appCss));
  row('bundle', 'MapLibre (library, worker, CSS)', size(bundle.maplibre));
  row('bundle', 'all JS', size(bundle.totalJs));
  row('bundle', 'all CSS', size(bundle.totalCss));
  row(
    'bundle',
    'app code / all JS+CSS at zlib -9 (a host compressing by itself)',
    `${zlib('app')} / ${zlib()}`,
  );
  for (const c of checkBundle(bundle))
    row('budget', c.name, formatKB(c.actual), `≤ ${formatKB(c.limit)}`, c.ok);
}
