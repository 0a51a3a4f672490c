// Serves `virtual:locator`: China's outline for the overview inset; and `virtual:locator-frame`:
// only its size, for the inset's box, which holds its place from the start (the outline comes after
// the map's first picture, and must not move the map when it does), and whether the story's map
// shows the inset at all (a story told outside China does not: `storyInFrame`).
//
// Merging the provinces takes ~5 s, so the outline is made once per source: kept for the process,
// and on disk in node_modules/.cache/ under a hash of the province file and of the code that makes
// it (a change to either makes it again).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { LocatorOutline } from '../../lib/map/locator.ts';
import { buildLocatorOutline, LOCATOR_SOURCE, storyInFrame } from './outline.ts';
import { loadStory } from '../story/load.ts';

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

/** The inset's box for the story in `storyDir`: its size, and whether the story's map shows it. */
export function locatorFrame(storyDir: string, file = LOCATOR_SOURCE) {
  const outline = locatorOutline(resolve(file));
  let shown = true;
  try {
    shown = storyInFrame(loadStory(resolve(storyDir)).story.places, outline.bbox);
  } catch (e) {
    // A broken story is reported by the story's own plugin (and the build's check), once.
    if (!(e instanceof Error && e.name === 'StoryError')) throw e;
  }
  return { width: outline.width, height: outline.height, shown };
}

export function locatorPlugin(options: { storyDir: string; file?: string }): Plugin {
  const path = resolve(options.file ?? LOCATOR_SOURCE);
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
        // Whether the inset is shown follows the story's places.
        if (id !== RESOLVED) this.addWatchFile(resolve(options.storyDir, 'places.geojson'));
        const out = id === RESOLVED ? locatorOutline(path) : locatorFrame(options.storyDir, path);
        return `export default ${JSON.stringify(out)};`;
      },
    },
  };
}
