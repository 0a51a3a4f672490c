// Serves the compiled story as `virtual:story`. A broken story fails the build, and in the dev
// server shows the error overlay with every problem's file and line.
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadStory } from './load.ts';

const ID = 'virtual:story';
const RESOLVED = '\0' + ID;

export function storyPlugin(options: { dir: string }): Plugin {
  const dir = resolve(options.dir);
  return {
    name: 'liangjiang:story',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      const { story, files } = loadStory(dir);
      for (const f of files) this.addWatchFile(f);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(story))});`;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(dir)) return undefined;
      const mod = ctx.server.moduleGraph.getModuleById(RESOLVED);
      if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      ctx.server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
