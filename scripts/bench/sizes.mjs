// The built files: what the app and MapLibre weigh, against the bundle budgets.

export async function reportSizes({ dist, row, tsModule }) {
  const { bundleReport, checkBundle, formatKB } = await tsModule('src/build/perf/budget.ts');
  const { distAssetSizes } = await tsModule('src/build/perf/dist-sizes.ts');
  const bundle = bundleReport(distAssetSizes(dist));
  const size = (t) => `${formatKB(t.raw)} raw, ${formatKB(t.gzip)} gzip`;
  for (const a of bundle.assets) row('bundle', `${a.file} (${a.owner})`, size(a));
  row('bundle', 'app JS', size(bundle.appJs));
  row('bundle', 'app CSS', size(bundle.appCss));
  row('bundle', 'MapLibre (library, worker, CSS)', size(bundle.maplibre));
  row('bundle', 'all JS', size(bundle.totalJs));
  row('bundle', 'all CSS', size(bundle.totalCss));
  for (const c of checkBundle(bundle))
    row('budget', c.name, formatKB(c.actual), `≤ ${formatKB(c.limit)}`, c.ok);
}
