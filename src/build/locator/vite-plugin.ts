// Serves `virtual:locator`: China's outline for the overview inset, computed once per build; and
// `virtual:locator-frame`: only its size, for the inset's box, which holds its place from the
// start (the outline comes after the map's first picture, and must not move the map when it does).
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildLocatorOutline, LOCATOR_SOURCE } from './outline.ts';

const ID = 'virtual:locator';
const RESOLVED = '\0' + ID;
const FRAME_ID = 'virtual:locator-frame';
const FRAME_RESOLVED = '\0' + FRAME_ID;

export function locatorPlugin(file = LOCATOR_SOURCE): Plugin {
  const path = resolve(file);
  return {
    name: 'locator',
    resolveId(id) {
      return id === ID ? RESOLVED : id === FRAME_ID ? FRAME_RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== FRAME_RESOLVED) return undefined;
      this.addWatchFile(path);
      const outline = buildLocatorOutline(path);
      const out = id === RESOLVED ? outline : { width: outline.width, height: outline.height };
      return `export default ${JSON.stringify(out)};`;
    },
  };
}
