// Vite plugin: a build carries the interface strings of its story's languages only. The app
// imports every language's file (src/lib/i18n/strings.ts); in a build, the file of each language
// the story is not told in is replaced by `export default undefined`, so that an English and
// Chinese story ships no French or Spanish. The dev server and the unit tests keep every language.
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { LANGS, type Lang } from '../../lib/i18n/languages.ts';
import { loadStory } from '../story/load.ts';

const I18N_DIR = ['src', 'lib', 'i18n'].join(sep);

export function interfaceLanguagesPlugin(options: { storyDir: string }): Plugin {
  let building = false;
  let root = process.cwd();
  let languages: readonly Lang[] | undefined;
  /** The story's languages; every language when the story cannot be read (its check says why). */
  const storyLanguages = () => {
    if (!languages)
      try {
        languages = loadStory(resolve(root, options.storyDir), root).story.languages;
      } catch {
        languages = LANGS;
      }
    return languages;
  };
  return {
    name: 'interface-languages',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build' && !process.env.VITEST;
      root = config.root;
    },
    load(id) {
      if (!building) return undefined;
      const file = resolve(id.replace(/[?#].*$/, ''));
      const m = new RegExp(`${I18N_DIR.replaceAll('\\', '\\\\')}[\\\\/]([a-z]+)\\.ts$`).exec(file);
      if (!m || !(LANGS as readonly string[]).includes(m[1]!)) return undefined;
      if (storyLanguages().includes(m[1] as Lang)) return undefined;
      return `// ${m[1]} is not one of this story's languages: left out of the build.\nexport default undefined;\n`;
    },
  };
}
