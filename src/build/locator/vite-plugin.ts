// Serves `virtual:locator`: China's outline for the overview inset, computed once per build.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildLocatorOutline, LOCATOR_SOURCE } from './outline.ts';

const ID = 'virtual:locator';
const RESOLVED = '\0' + ID;

export function locatorPlugin(file = LOCATOR_SOURCE): Plugin {
  const path = resolve(file);
  return {
    name: 'locator',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(path);
      return `export default ${JSON.stringify(buildLocatorOutline(path))};`;
    },
  };
}
