// The interface strings a page has: those of the story's languages, one file each (en.ts, zh.ts,
// fr.ts, es.ts). A build leaves the files of the languages its story is not told in out of the
// page (src/build/i18n/plugin.ts makes each of them `export default undefined`), so that readers
// download only what the story speaks; a language left out reads the first one that is here (the
// story state never shows one: its language is always one of the story's).
import en, { type Strings } from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import { LANGS, type Lang } from './languages.ts';
import zh from './zh.ts';

export type { Strings } from './en.ts';
export { HTML_LANG } from './languages.ts';

const loaded: Partial<Record<Lang, Strings>> = { en, zh, fr, es };
const first = LANGS.map((l) => loaded[l]).find((s) => s !== undefined)!;

/** Each language's interface strings. */
export const STRINGS = Object.fromEntries(LANGS.map((l) => [l, loaded[l] ?? first])) as Record<Lang, Strings>;
