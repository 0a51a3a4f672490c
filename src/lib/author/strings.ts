// Interface text of the author's view, one file per language in i18n/. Apart from the reader's
// strings (src/lib/i18n) so that it loads with the author's view only (dev server, where every
// language is at hand); the font subsets skip this folder (src/build/fonts/config.ts), so that its
// characters add nothing to the fonts readers load.
import type { Lang } from '../story/types';
import en, { type AuthorStrings } from './i18n/en.ts';
import es from './i18n/es.ts';
import fr from './i18n/fr.ts';
import zh from './i18n/zh.ts';

export const AUTHOR_STRINGS: Record<Lang, AuthorStrings> = { en, zh, fr, es };
