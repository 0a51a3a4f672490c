// The languages rule, once for every story file: story.yaml names the story's languages
// (`languages: [en, zh]`, the first the default), and every text a reader sees is written with
// exactly those keys — `{ en: "…", zh: "…" }`, or one plain text in a one-language story. Each
// text missing a declared language and each key that is not one is a problem of its own, at its
// line. Until story.yaml's list is known (the docs, or a list that is wrong), texts are checked
// only for being in languages the interface speaks, so that one mistake in story.yaml does not
// come back from every file.
import { z } from 'zod';
import { isLang, LANGS, type Lang, type Localized } from '../../lib/story/types.ts';

/** The story's languages, or undefined while they are not known. */
export type StoryLanguages = readonly Lang[] | undefined;

/** Each language's name in the messages, which are written in English. */
export const LANGUAGE_NAME: Record<Lang, string> = {
  en: 'English',
  zh: 'Chinese',
  fr: 'French',
  es: 'Spanish',
};

const SUPPORTED = LANGS.join(', ');
/** The languages the examples show when the story's are not known. */
const EXAMPLE_LANGS: readonly Lang[] = ['en', 'zh'];

/** How a text in the story's languages is written: `{ en: "…", zh: "…" }`. */
export function textShape(langs: StoryLanguages): string {
  return `{ ${(langs ?? EXAMPLE_LANGS).map((l) => `${l}: "…"`).join(', ')} }`;
}

/** The story's languages as story.yaml writes them, for messages: `languages: [en, fr]`. */
export const declared = (langs: readonly Lang[]): string => `languages: [${langs.join(', ')}]`;

/** Why a key (a text's, a `::: section`'s) is not one of the story's languages. */
export function notDeclared(key: string, langs: readonly Lang[]): string {
  return isLang(key)
    ? `"${key}" is not one of the story's languages (story.yaml has ${declared(langs)}): remove it, or add ${key} to the list`
    : `unknown language "${key}": the story's languages are ${langs.join(', ')} (story.yaml ${declared(langs)})`;
}

/** story.yaml's `languages`: read before anything else, since every text is checked against it. */
export const languagesSchema = z
  .array(
    z.enum(LANGS, {
      error: (iss) =>
        `"${String(iss.input)}" is not a language the interface speaks (${SUPPORTED}); the README's "Adding a language" says how to add one`,
    }),
    {
      error: (iss) =>
        iss.input === undefined
          ? `is required: the languages the story is told in, the default first, such as "languages: [en]" or "languages: [en, zh]" (the interface speaks ${SUPPORTED})`
          : `must be a list of language tags, the default first, such as [en] or [en, zh] (the interface speaks ${SUPPORTED})`,
    },
  )
  .min(1, 'must name at least one language, such as [en]')
  .superRefine((list, ctx) => {
    list.forEach((l, i) => {
      if (list.indexOf(l) < i) ctx.addIssue({ code: 'custom', path: [i], message: `"${l}" is listed twice` });
    });
  })
  .meta({
    description:
      'The languages the story is told in, by their tags; the first is the default (the page at the ' +
      `site's root, the kiosk's language). Every text readers see is written in exactly these. One of: ${SUPPORTED}.`,
    examples: [['en', 'zh']],
    uniqueItems: true,
  });

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface PerLanguageOptions<T> {
  /** Each language's value, with its own messages. */
  value: (lang: Lang, langs: StoryLanguages) => z.ZodType<T>;
  /** The message for a value that is not an object of languages (a number, a list, …). */
  wrong: (langs: StoryLanguages) => string;
  /** The message for a missing field (only when it is required). */
  required: (langs: StoryLanguages) => string;
  /**
   * What one plain value may stand for: every language (`always`: a figure value's label, the
   * same in each language), or the only one of a one-language story (`one-language`).
   */
  plain?: 'always' | 'one-language';
}

/**
 * A value in each of the story's languages: exactly the keys of `langs`, each checked by
 * `value`, in the story's order. Without `langs`, any of the interface's languages (the docs and
 * the editors' JSON Schemas are made from this form: they cannot see story.yaml's list).
 */
function perLanguage<T>(langs: StoryLanguages, opts: PerLanguageOptions<T>): z.ZodType<Localized<T>> {
  const error = (iss: { input?: unknown; code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys'
      ? `unknown language ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')}: the interface speaks ${SUPPORTED}`
      : iss.input === undefined
        ? opts.required(langs)
        : opts.wrong(langs);
  if (!langs) {
    const object = z
      .strictObject(Object.fromEntries(LANGS.map((l) => [l, opts.value(l, langs).optional()])), { error })
      .meta({ minProperties: 1 });
    const plain = opts.plain && opts.value(LANGS[0], langs);
    return (plain ? z.union([plain, object], { error }) : object) as unknown as z.ZodType<Localized<T>>;
  }
  const object = z
    .object(Object.fromEntries(langs.map((l) => [l, opts.value(l, langs)])), { error })
    .catchall(z.unknown())
    .superRefine(
      (v, ctx) => {
        for (const key of Object.keys(v))
          if (!(langs as readonly string[]).includes(key))
            ctx.addIssue({ code: 'custom', path: [key], message: notDeclared(key, langs) });
      },
      { when: (payload) => isRecord(payload.value) },
    )
    .transform((v) => Object.fromEntries(langs.map((l) => [l, v[l]])) as Localized<T>);
  const plain = opts.plain === 'always' || (opts.plain === 'one-language' && langs.length === 1);
  if (!plain) return object as unknown as z.ZodType<Localized<T>>;
  return z.preprocess(
    (v) => (typeof v === 'string' ? Object.fromEntries(langs.map((l) => [l, v])) : v),
    object,
  ) as unknown as z.ZodType<Localized<T>>;
}

/** One language's text of a value in the story's languages: its messages show the whole shape. */
function langText(lang: Lang, langs: StoryLanguages, what = 'text') {
  const name = LANGUAGE_NAME[lang];
  const shape = textShape(langs);
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `the ${name} ${what} is missing (expected ${shape})`
          : `the ${name} ${what} must be text (expected ${shape})`,
    })
    .trim()
    .min(1, `the ${name} ${what} must not be empty (expected ${shape})`);
}

/** What the docs add to each text's description: how it is written. */
export const IN_LANGUAGES =
  'In each of the story’s languages: { en: "…", zh: "…" }; one plain text in a one-language story.';

/** A text readers see, in each of the story's languages (one plain text in a one-language story). */
export function localized(
  langs: StoryLanguages,
  description: string,
  example: Localized,
): z.ZodType<Localized> {
  return perLanguage(langs, {
    value: (l, ls) => langText(l, ls),
    plain: 'one-language',
    required: (ls) =>
      ls?.length === 1
        ? `is required: "…" or ${textShape(ls)}`
        : `is required, in each of the story's languages: ${textShape(ls)}`,
    wrong: (ls) =>
      ls?.length === 1
        ? `must be text, or ${textShape(ls)}`
        : `must be written in each of the story's languages: ${textShape(ls)}`,
  }).meta({ description: `${description} ${IN_LANGUAGES}`, examples: [example] });
}

/** A label that may be one text for every language, or one per language (a figure value's). */
export function labelText(langs: StoryLanguages, description: string): z.ZodType<Localized> {
  return perLanguage(langs, {
    value: (l, ls) => langText(l, ls),
    plain: 'always',
    required: () => 'is required',
    wrong: (ls) => `must be text, or text in each of the story's languages: ${textShape(ls)}`,
  }).meta({ description });
}

/** A value per language other than plain text: a figure's factor, its format. */
export function perLanguageValue<T>(
  langs: StoryLanguages,
  value: (lang: Lang) => z.ZodType<T>,
  shape: (langs: StoryLanguages) => string,
): z.ZodType<Localized<T>> {
  return perLanguage(langs, {
    value: (l) => value(l),
    required: (ls) => `is required: ${shape(ls)}`,
    wrong: (ls) => `must be written for each of the story's languages: ${shape(ls)}`,
  });
}

/**
 * A place's names: `name_<lang>` for each of the story's languages (drawn on the map in that
 * language). Without the story's list, each supported language's name is optional.
 */
export function placeNames(langs: StoryLanguages, example: Localized): Record<string, z.ZodType> {
  const shape = (langs ?? EXAMPLE_LANGS).map((l) => `name_${l}`).join(' and ');
  const names = (langs ?? LANGS).map((l): [string, z.ZodType<string | undefined>] => {
    const name = LANGUAGE_NAME[l];
    const text = z
      .string({
        error: (iss) =>
          iss.input === undefined
            ? `the ${name} name is missing: each place has ${shape}, one for each of the story's languages`
            : `the ${name} name must be text`,
      })
      .trim()
      .min(1, `the ${name} name must not be empty`)
      .meta({
        description: `The name in ${name} (drawn on the map); required for each of the story's languages.`,
        ...(example[l] ? { examples: [example[l]] } : {}),
      });
    return [`name_${l}`, langs ? text : text.optional()];
  });
  // The names of other languages the interface speaks are let through here, and reported by
  // `undeclaredNames` as not being the story's (rather than as unknown fields).
  const others = LANGS.filter((l) => langs && !langs.includes(l)).map((l) => [
    `name_${l}`,
    z.unknown().optional(),
  ]);
  return Object.fromEntries([...names, ...others]);
}

/** For a place's properties: names of languages the story does not declare, each a problem. */
export function undeclaredNames(langs: StoryLanguages) {
  return (v: unknown, ctx: z.RefinementCtx) => {
    if (!langs || !isRecord(v)) return;
    for (const key of Object.keys(v)) {
      const m = /^name_(.+)$/.exec(key);
      if (m && isLang(m[1]) && !langs.includes(m[1]))
        ctx.addIssue({ code: 'custom', path: [key], message: notDeclared(m[1]!, langs) });
    }
  };
}
