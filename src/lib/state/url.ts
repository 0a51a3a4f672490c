// Reading the address: only known values are taken; anything else is ignored, never echoed.
import { LANGS, type Lang, type Story } from '../story/types';
import { MODES, type Mode } from './story-state.svelte';

export interface UrlChoice {
  mode: Mode;
  lang: Lang | undefined;
  chapterId: string | undefined;
}

export function readUrl(search: string, hash: string, story: Story): UrlChoice {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const mode = params.get('mode');
  const lang = params.get('lang');
  return {
    mode: (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : 'scroll',
    lang: (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : undefined,
    chapterId: chapterIdFromHash(hash, story),
  };
}

export function chapterIdFromHash(hash: string, story: Story): string | undefined {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return story.chapters.some((c) => c.id === id) ? id : undefined;
}

/** The address for a chapter, keeping the query (mode, language) as it is. */
export function chapterUrl(location: Pick<Location, 'pathname' | 'search'>, chapterId: string): string {
  return `${location.pathname}${location.search}#${encodeURIComponent(chapterId)}`;
}

/** Language from the browser's list, for a first visit. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export const LANG_KEY = 'liangjiang-story:lang';

/** Remembers the reader's own choice of language for later visits. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private windows and kiosks may refuse storage; the choice then lasts this visit.
  }
}
