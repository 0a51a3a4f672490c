// Vite plugin: `virtual:basemap-coverage`, where the basemap archive has tiles at each zoom, read from
// the archive's own directory at build time (a few hundred bytes), so that the map can tell a view
// with no data from one still loading.
import type { Plugin } from 'vite';
import { readBasemapCoverage } from './archive.ts';

const ID = 'virtual:basemap-coverage';

export function basemapCoveragePlugin({ archive }: { archive: string }): Plugin {
  return {
    name: 'basemap-coverage',
    resolveId: (id) => (id === ID ? '\0' + ID : undefined),
    async load(id) {
      if (id !== '\0' + ID) return undefined;
      this.addWatchFile(archive);
      return `export default ${JSON.stringify(await readBasemapCoverage(archive))};`;
    },
  };
}
