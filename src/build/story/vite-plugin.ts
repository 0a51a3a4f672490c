// Serves the compiled story as `virtual:story`. A broken story fails the build, and in the dev
// server shows the error overlay with every problem's file and line; when a story file changes
// (or a chapter is added or removed), the story is compiled again and the page reloads, so the
// overlay goes as soon as the file is fixed.
import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadStory } from './load.ts';

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
  return {
    name: 'story',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      // The dev server watches the folder itself (below); there a watched folder would be
      // resolved like an import of the story module, and fail.
      if (!serving) this.addWatchFile(dir);
      const { story, files } = loadStory(dir);
      for (const f of files) this.addWatchFile(f);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(story))});`;
    },
    configureServer(server) {
      serving = true;
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
