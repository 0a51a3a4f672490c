// Serves `virtual:locator`: China's outline for the overview inset; and `virtual:locator-frame`:
// only its size, for the inset's box, which holds its place from the start (the outline comes after
// the map's first picture, and must not move the map when it does).
//
// Merging the provinces takes ~5 s, so the outline is made once per source: kept for the process,
// and on disk in node_modules/.cache/ under a hash of the province file and of the code that makes
// it (a change to either makes it again).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { LocatorOutline } from '../../lib/map/locator.ts';
import { buildLocatorOutline, LOCATOR_SOURCE } from './outline.ts';

const ID = 'virtual:locator';
const RESOLVED = '\0' + ID;
const FRAME_ID = 'virtual:locator-frame';
const FRAME_RESOLVED = '\0' + FRAME_ID;
const CACHE_DIR = resolve('node_modules/.cache/locator');

const made = new Map<string, LocatorOutline>();

/** The outline of the province file at `path`, made at most once for its content. */
export function locatorOutline(path: string): LocatorOutline {
  const key = createHash('sha256')
    .update(readFileSync(path))
    .update(readFileSync(new URL('./outline.ts', import.meta.url)))
    .digest('hex')
    .slice(0, 20);
  let outline = made.get(key);
  if (outline) return outline;
  const file = join(CACHE_DIR, `${key}.json`);
  try {
    outline = JSON.parse(readFileSync(file, 'utf8')) as LocatorOutline;
  } catch {
    outline = buildLocatorOutline(path);
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(outline));
    } catch {
      // A read-only tree: made again next time.
    }
  }
  made.set(key, outline);
  return outline;
}

export function locatorPlugin(file = LOCATOR_SOURCE): Plugin {
  const path = resolve(file);
  return {
    name: 'locator',
    resolveId: {
      filter: { id: /^virtual:locator(-frame)?$/ },
      handler: (id) => (id === ID ? RESOLVED : FRAME_RESOLVED),
    },
    load: {
      filter: { id: /^\0virtual:locator(-frame)?$/ },
      handler(id) {
        this.addWatchFile(path);
        const outline = locatorOutline(path);
        const out = id === RESOLVED ? outline : { width: outline.width, height: outline.height };
        return `export default ${JSON.stringify(out)};`;
      },
    },
  };
}
