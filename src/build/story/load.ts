// Reads a story folder from disk (build time and dev server only; the browser gets the compiled JSON).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileStory } from './compile.ts';
import type { Story } from '../../lib/story/types.ts';
import { buildStoryMedia, type MediaSiteFile } from '../media/build.ts';
import { DEFAULT_CACHE } from '../media/cache.ts';

export const STORY_FILES =
  /(?:^story\.yaml|^places\.geojson|^overlays\.yaml|^figures\.yaml|^chapters\/[^/]+\.md)$/;

export function readStoryFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const rel = relative(dir, full).split('\\').join('/');
        if (STORY_FILES.test(rel)) files.set(rel, readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * The story in `dir`, compiled; `files`: its files' paths (to watch); `texts`: each file's text by
 * its path in the folder (for messages that point into it).
 */
export function loadStory(
  dir: string,
  root = process.cwd(),
): { story: Story; files: string[]; texts: Map<string, string> } {
  const texts = readStoryFolder(dir);
  const story = compileStory(texts, { dir: label(dir, root), folder: resolve(dir) });
  return { story, files: [...texts.keys()].map((f) => join(dir, f)), texts };
}

/**
 * The story in `dir` as the page gets it: compiled, with its pictures and videos built for a site
 * served under `base` (src/build/media, cached by content in `cacheDir`); `media`: the files they
 * add to the site.
 */
export async function loadBuiltStory(
  dir: string,
  root = process.cwd(),
  opts: { base?: string; cacheDir?: string } = {},
): Promise<{ story: Story; files: string[]; texts: Map<string, string>; media: MediaSiteFile[] }> {
  const loaded = loadStory(dir, root);
  const built = await buildStoryMedia(loaded.story, {
    storyDir: dir,
    label: label(dir, root),
    texts: loaded.texts,
    base: opts.base ?? '/',
    cacheDir: opts.cacheDir ?? join(root, DEFAULT_CACHE),
  });
  return { ...loaded, story: built.story, media: built.files };
}

/** The folder as messages show it: relative to the project root. */
function label(dir: string, root: string): string {
  return relative(root, dir).split('\\').join('/') || '.';
}
