// The interface speaks every language of LANGS completely: each language file (src/lib/i18n/, and
// the author's view's src/lib/author/i18n/) has every string another has, of the same kind (a text,
// or a function of the same arguments), none empty; and each is set as its language sets text
// (French: a narrow no-break space before : ; ? ! and inside « »; Spanish: ¿ and ¡ open what ? and
// ! close).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/lib/story/types';
import { HTML_LANG } from '../../src/lib/i18n/languages';
import en from '../../src/lib/i18n/en';
import zh from '../../src/lib/i18n/zh';
import fr from '../../src/lib/i18n/fr';
import es from '../../src/lib/i18n/es';
import authorEn from '../../src/lib/author/i18n/en';
import authorZh from '../../src/lib/author/i18n/zh';
import authorFr from '../../src/lib/author/i18n/fr';
import authorEs from '../../src/lib/author/i18n/es';

const READER: Record<Lang, Record<string, unknown>> = { en, zh, fr, es };
const AUTHOR: Record<Lang, Record<string, unknown>> = {
  en: authorEn,
  zh: authorZh,
  fr: authorFr,
  es: authorEs,
};

/** What a value is: a text, or a function of so many arguments. */
const kind = (v: unknown) => (typeof v === 'function' ? `function(${v.length})` : typeof v);

/** Every text of a language file: its strings, and what its functions give. */
const texts = (strings: Record<string, unknown>): [string, string][] =>
  Object.entries(strings).map(([k, v]) => [
    k,
    typeof v === 'function'
      ? String((v as (...a: string[]) => unknown)(...Array<string>(v.length).fill('7')))
      : String(v),
  ]);

/** Problems of one set of language files: a key one lacks that another has, or of another kind. */
function incomplete(files: Record<Lang, Record<string, unknown>>): string[] {
  const keys = new Set(LANGS.flatMap((l) => Object.keys(files[l])));
  const problems: string[] = [];
  for (const key of keys) {
    const kinds = new Map(LANGS.map((l) => [l, key in files[l] ? kind(files[l][key]) : 'missing']));
    for (const l of LANGS) {
      if (kinds.get(l) === 'missing')
        problems.push(`${l}.ts lacks "${key}" (${LANGS.filter((o) => key in files[o]).join(', ')} have it)`);
      else if (kinds.get('en') !== 'missing' && kinds.get(l) !== kinds.get('en'))
        problems.push(`${l}.ts "${key}" is a ${kinds.get(l)}, en.ts's a ${kinds.get('en')}`);
    }
    for (const l of LANGS)
      if (typeof files[l][key] === 'string' && !(files[l][key] as string).trim())
        problems.push(`${l}.ts "${key}" is empty`);
  }
  return problems;
}

describe('every interface language is complete', () => {
  it('has a file for each language the interface speaks, and no other', () => {
    const files = readdirSync('src/lib/i18n').filter((f) => /^[a-z]{2,3}\.ts$/.test(f));
    expect(files.map((f) => f.replace('.ts', '')).sort()).toEqual([...LANGS].sort());
    expect(Object.keys(HTML_LANG).sort()).toEqual([...LANGS].sort());
  });

  it('the reader’s interface: each file has every string another has', () => {
    expect(incomplete(READER)).toEqual([]);
  });

  it('the author’s view: each file has every string another has', () => {
    expect(incomplete(AUTHOR)).toEqual([]);
  });

  it('fails when a file lacks a string another has, or has it as another kind', () => {
    const { skipMap: _, ...lacking } = fr;
    expect(incomplete({ ...READER, fr: lacking })).toEqual(['fr.ts lacks "skipMap" (en, zh, es have it)']);
    expect(incomplete({ ...READER, es: { ...es, chapterOf: 'Capítulo' } })).toEqual([
      'es.ts "chapterOf" is a string, en.ts\'s a function(2)',
    ]);
    expect(incomplete({ ...READER, zh: { ...zh, extra: '多余' } })).toEqual([
      'en.ts lacks "extra" (zh have it)',
      'fr.ts lacks "extra" (zh have it)',
      'es.ts lacks "extra" (zh have it)',
    ]);
  });

  it('names each language in itself, for the language switch', () => {
    expect(LANGS.map((l) => READER[l].languageName)).toEqual(['English', '中文', 'Français', 'Español']);
  });
});

describe('each language is set as it is written', () => {
  /** Texts with a web address or the address's query left out (https://…, ?mode=print). */
  const prose = (t: string) => t.replace(/<a [^>]*>|https?:\/\/\S+|\?mode=\w+/g, '');

  it('French: a narrow no-break space before : ; ? ! and inside « »', () => {
    const wrong: string[] = [];
    for (const files of [READER, AUTHOR])
      for (const [key, text] of texts(files.fr)) {
        const t = prose(text);
        for (const m of t.matchAll(/(.)([:;?!»])/g))
          if (m[1] !== '\u202f' && !/\d/.test(m[1]!)) wrong.push(`${key}: “…${m[0]}…”`);
        for (const m of t.matchAll(/«(.)/g)) if (m[1] !== '\u202f') wrong.push(`${key}: “${m[0]}…”`);
      }
    expect(wrong).toEqual([]);
    // No plain space where a narrow one belongs, and the check can see one.
    expect(prose('Carte : la ville')).toMatch(/ :/);
    expect(texts(fr).some(([, t]) => t.includes('\u202f:'))).toBe(true);
  });

  it('Spanish: a question or an exclamation opens with ¿ or ¡', () => {
    const wrong: string[] = [];
    for (const files of [READER, AUTHOR])
      for (const [key, text] of texts(files.es)) {
        const t = prose(text);
        for (const [close, open] of [
          ['?', '¿'],
          ['!', '¡'],
        ] as const)
          if (t.split(close).length !== t.split(open).length) wrong.push(`${key}: ${t}`);
      }
    expect(wrong).toEqual([]);
  });

  it('Chinese: full-width punctuation, no Latin colon or comma after Chinese text', () => {
    const wrong = [...texts(zh), ...texts(authorZh)].filter(([, t]) => /\p{Script=Han}[:,;]/u.test(prose(t)));
    expect(wrong).toEqual([]);
  });
});
