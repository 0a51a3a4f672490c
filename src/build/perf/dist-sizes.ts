// Reads the sizes of a build's files (Node only: the budget test and the benchmark).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assetKind, type AssetSize } from './budget.ts';

/** The benchmark's own bare MapLibre page lives here while `npm run bench` runs; it is not the site. */
export const BENCH_DIR = '__bench';

/**
 * Raw and gzip sizes of every JS and CSS file of the site. The gzip size is that of the file's gzip
 * copy, which the build writes (scripts/precompress.mjs) and the host sends; a file without one is
 * measured at zlib's best level (`zlibLevel9`), as a host that compresses by itself would do at
 * best.
 */
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
          gzip: existsSync(`${full}.gz`) ? statSync(`${full}.gz`).size : zlibLevel9(bytes),
        });
      }
    }
  };
  walk(dist);
  return out;
}

export const zlibLevel9 = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;
