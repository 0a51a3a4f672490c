// Vite plugin: the site files the story folder decides (site.ts) go into the build, and the dev
// server answers for them, so that nothing about the story is kept in static/.
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { loadStory } from '../story/load.ts';
import { siteFiles, type SiteFile } from './site.ts';

export function storySitePlugin(options: { storyDir: string }): Plugin {
  let config: ResolvedConfig;
  const files = (): SiteFile[] => {
    const dir = resolve(config.root, options.storyDir);
    const label = relative(config.root, dir).split('\\').join('/') || '.';
    return siteFiles(dir, loadStory(dir, config.root).story, label, config.base);
  };
  return {
    name: 'story-site',
    configResolved(c) {
      config = c;
    },
    // The pages name the icons from the host's root (index.html: '/favicon.svg'). Vite puts the
    // base path before the files of the public folder only; these are not in it, so the build does
    // the same for them (the dev server puts it before every such address by itself).
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (config.command !== 'build' || config.base === '/') return html;
        const names = new Set(files().map((f) => f.fileName));
        return html.replace(/(\s(?:href|src)=")\/([^"]+)"/g, (m, attr: string, path: string) =>
          names.has(path) ? `${attr}${config.base}${path}"` : m,
        );
      },
    },
    generateBundle() {
      if (config.build.ssr) return;
      for (const f of files()) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
    },
    configureServer(server) {
      // The story is compiled once per change of its folder, not for every request; and a file of
      // the public folder (the basemap, whose every range request comes here) never waits for it,
      // nor fails with it while the author saves a story file.
      const dir = resolve(config.root, options.storyDir);
      let cached: SiteFile[] | undefined;
      server.watcher.on('all', (_event, file: string) => {
        if (resolve(file).startsWith(dir + sep)) cached = undefined;
      });
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').replace(/[?#].*$/, '');
        if (!url.startsWith(config.base)) return next();
        const path = url.slice(config.base.length);
        if (!path || path.includes('/')) return next();
        if (config.publicDir && existsSync(join(config.publicDir, path))) return next();
        let file: SiteFile | undefined;
        try {
          cached ??= files();
          file = cached.find((f) => f.fileName === path);
        } catch (e) {
          return next(e);
        }
        if (!file) return next();
        res.setHeader('Content-Type', file.type);
        res.end(file.source);
      });
    },
  };
}
