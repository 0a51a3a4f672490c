// Vite plugin: `virtual:basemap-coverage`, where the basemap archive has tiles at each zoom, read from
// the archive's own directory at build time (a few hundred bytes), so that the map can tell a view
// with no data from one still loading.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readBasemapCoverage } from './archive.ts';

const ID = 'virtual:basemap-coverage';

export function basemapCoveragePlugin({ archive }: { archive: string }): Plugin {
  return {
    name: 'basemap-coverage',
    resolveId: (id) => (id === ID ? '\0' + ID : undefined),
    async load(id) {
      if (id !== '\0' + ID) return undefined;
      // An absolute path: the dev server resolves a watched file like an import, and a relative
      // one ("static/…") fails there, and with it the map's code.
      this.addWatchFile(resolve(archive));
      return `export default ${JSON.stringify(await readBasemapCoverage(archive))};`;
    },
  };
}
