// Reads the sizes of a build's files (Node only: the budget test and the benchmark).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assetKind, type AssetSize } from './budget.ts';

/** The benchmark's own bare MapLibre page lives here while `npm run bench` runs; it is not the site. */
export const BENCH_DIR = '__bench';

/** Raw and gzip (level 9, as a static host would pre-compress) sizes of every JS and CSS file of the site. */
export function distAssetSizes(dist: string): AssetSize[] {
  const out: AssetSize[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!(dir === dist && name === BENCH_DIR)) walk(full);
      } else if (assetKind(name)) {
        const bytes = readFileSync(full);
        out.push({
          file: relative(dist, full).split('\\').join('/'),
          raw: bytes.length,
          gzip: gzipSync(bytes, { level: 9 }).length,
        });
      }
    }
  };
  walk(dist);
  return out;
}
