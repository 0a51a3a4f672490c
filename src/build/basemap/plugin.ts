// Vite plugin: the story's basemap archive in the site, and `virtual:basemap-coverage`.
// - The archive: a story uses the embedded archive, which lies in static/ under the name the app
//   loads (src/lib/basemap-archive.js) and so reaches the site as it is; a story whose story.yaml
//   names an archive of its own has that file copied over it in the build, and served under the
//   same name by the dev server (with byte ranges, as the map reads it).
// - `virtual:basemap-coverage`: where the story's archive has tiles at each zoom, read from the
//   archive's own directory at build time (a few hundred bytes), so that the map can tell a view
//   with no data from one still loading.
import { copyFileSync, createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { readBasemapCoverage } from './archive.ts';
import { ARCHIVE_FILE, EMBEDDED_ARCHIVE_PATH, storyArchive } from './story-archive.ts';

const ID = 'virtual:basemap-coverage';
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/**
 * Answers a request for `file` as a static host does: the whole file, or the byte range asked for
 * (206), with the archive's type. Exported for the tests.
 */
export function sendArchive(file: string, req: IncomingMessage, res: ServerResponse): void {
  const size = statSync(file).size;
  const headers = { 'Content-Type': 'application/vnd.pmtiles', 'Accept-Ranges': 'bytes' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (!m) {
    res.writeHead(200, { ...headers, 'Content-Length': size });
    createReadStream(file).pipe(res);
    return;
  }
  const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
  const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (start >= size || end < start) {
    res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
    return;
  }
  res.writeHead(206, {
    ...headers,
    'Content-Range': `bytes ${start}-${end}/${size}`,
    'Content-Length': end - start + 1,
  });
  createReadStream(file, { start, end }).pipe(res);
}

export function basemapPlugin({ storyDir }: { storyDir: string }): Plugin {
  const folder = resolve(storyDir);
  let base = '/';
  let isSsr = false;
  return {
    name: 'story-basemap',
    configResolved(config) {
      base = config.base;
      isSsr = Boolean(config.build.ssr);
    },
    resolveId: (id) => (id === ID ? '\0' + ID : undefined),
    async load(id) {
      if (id !== '\0' + ID) return undefined;
      const archive = storyArchive(folder);
      // Absolute paths: the dev server resolves a watched file like an import, and a relative one
      // ("static/…") fails there, and with it the map's code.
      this.addWatchFile(archive);
      this.addWatchFile(join(folder, 'story.yaml'));
      return `export default ${JSON.stringify(await readBasemapCoverage(archive))};`;
    },
    configureServer(server) {
      // Before Vite's own handling of static/: a story's own archive wins over the embedded one.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split(/[?#]/)[0];
        if (path !== `${base}${ARCHIVE_FILE}`) return next();
        const archive = storyArchive(folder);
        if (archive === EMBEDDED_ARCHIVE_PATH) return next();
        sendArchive(archive, req, res);
      });
    },
    writeBundle(options) {
      // Vite copied static/ (the embedded archive among it) into the output first.
      if (isSsr || !options.dir) return;
      const archive = storyArchive(folder);
      if (archive === EMBEDDED_ARCHIVE_PATH) return;
      copyFileSync(archive, join(options.dir, ARCHIVE_FILE));
      console.log(
        `the story's basemap ${relative(process.cwd(), archive)} (${mb(statSync(archive).size)}) is the site's ${ARCHIVE_FILE}`,
      );
    },
  };
}
