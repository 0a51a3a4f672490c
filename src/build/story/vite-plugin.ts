// Serves the compiled story as `virtual:story`, its pictures and videos built (src/build/media). A
// broken story fails the build, and in the dev server shows the error overlay with every problem's
// file and line; when a story file changes (or a chapter is added or removed), the story is
// compiled again and the page reloads, so the overlay goes as soon as the file is fixed. The built
// media go into the site under media/ (the dev server answers for them from the cache).
import { createReadStream, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import type { MediaSiteFile } from '../media/build.ts';
import { MEDIA_DIR } from '../media/config.ts';
import { loadBuiltStory } from './load.ts';

const ID = 'virtual:story';
const RESOLVED = '\0' + ID;

export function storyPlugin(options: { dir: string }): Plugin {
  const dir = resolve(options.dir);
  const inStory = (file: string) => resolve(file) === dir || resolve(file).startsWith(dir + sep);
  // An editor's save may come as several events (the file emptied, then written; a rename): the
  // page reloads once they have settled, not on the emptied file.
  let pending: ReturnType<typeof setTimeout> | undefined;
  const reload = (server: ViteDevServer) => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      for (const env of Object.values(server.environments)) {
        const mod = env.moduleGraph.getModuleById(RESOLVED);
        if (mod) env.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
    }, 100);
  };
  let serving = false;
  let config: ResolvedConfig;
  /** The media files of the story as last built, by their path in the site. */
  let media = new Map<string, MediaSiteFile>();
  const load = async () => {
    const built = await loadBuiltStory(dir, config.root, { base: config.base });
    media = new Map(built.media.map((f) => [f.fileName, f]));
    return built;
  };
  return {
    name: 'story',
    configResolved(c) {
      config = c;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      // The dev server watches the folder itself (below); there a watched folder would be
      // resolved like an import of the story module, and fail.
      if (!serving) this.addWatchFile(dir);
      const { story, files } = await load();
      for (const f of files) this.addWatchFile(f);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(story))});`;
    },
    // The page reads the story from the prerendered pages, so the client build may never load
    // `virtual:story`: its media are built here again (from the cache) and put into the site.
    async generateBundle() {
      if (config.build.ssr) return;
      await load();
      for (const f of media.values())
        this.emitFile({ type: 'asset', fileName: f.fileName, source: readFileSync(f.path) });
    },
    configureServer(server) {
      serving = true;
      const prefix = `${config.base}${MEDIA_DIR}/`;
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').replace(/[?#].*$/, '');
        if (!url.startsWith(prefix)) return next();
        const fileName = decodeURIComponent(url.slice(config.base.length));
        (media.has(fileName) ? Promise.resolve() : load()).then(() => {
          const f = media.get(fileName);
          if (!f) return next();
          res.setHeader('Content-Type', f.type);
          createReadStream(f.path).pipe(res);
        }, next);
      });
      server.watcher.add(dir);
      for (const event of ['change', 'add', 'unlink'] as const)
        server.watcher.on(event, (file: string) => {
          if (inStory(file)) reload(server);
        });
    },
    handleHotUpdate(ctx) {
      // The story is reloaded by the watcher above; nothing else is updated for a story file.
      return inStory(ctx.file) ? [] : undefined;
    },
  };
}
