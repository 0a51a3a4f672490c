// Reading the address: only known values are taken; anything else is ignored, never echoed.
import { storageKey } from './storage-keys';
import type { Lang, Story } from '../story/types';

export interface UrlChoice {
  /** A mode named in `modes`, else the first of them (the default). */
  mode: string;
  lang: Lang | undefined;
  chapterId: string | undefined;
}

export function readUrl(search: string, hash: string, story: Story, modes: readonly string[]): UrlChoice {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const mode = params.get('mode');
  const lang = params.get('lang');
  return {
    mode: mode && modes.includes(mode) ? mode : modes[0]!,
    lang: story.languages.find((l) => l === lang),
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

/** Language from the browser's list, for a first visit: the first the story is told in, else its default. */
export function browserLang(languages: readonly string[], story: Pick<Story, 'languages'>): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    const found = story.languages.find((s) => s === base);
    if (found) return found;
  }
  return story.languages[0]!;
}

/** Where the reader's choice of language is kept, per story. */
export function langKey(storyId: string): string {
  return storageKey(storyId, 'lang');
}

/** Remembers the reader's own choice of language in this story for later visits. */
export function rememberLang(storyId: string, lang: Lang): void {
  try {
    localStorage.setItem(langKey(storyId), lang);
  } catch {
    // Private windows and kiosks may refuse storage; the choice then lasts this visit.
  }
}

/** The same page in another mode, on a chapter (the speaker view opened from the audience view). */
export function modeUrl(href: string, mode: string, chapterId: string): string {
  const url = new URL(href);
  url.searchParams.set('mode', mode);
  url.hash = encodeURIComponent(chapterId);
  return url.href;
}
