// The languages the interface speaks: a story may be told in any of them (story.yaml `languages`).
// Each has its interface strings in a file of its own beside this one (en.ts, zh.ts, …), its
// formats in format.ts, and its page's `lang` here. Adding a language: the README, "Adding a
// language".

/** The interface's languages, by their BCP 47 tags as stories write them. */
export const LANGS = ['en', 'zh', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}

/** The `lang` attribute (and hreflang) of text in each language: Chinese is written in simplified characters. */
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans', fr: 'fr', es: 'es' };
