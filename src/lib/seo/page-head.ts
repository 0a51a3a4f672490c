// What each prerendered page says about itself in its <head> (scripts/prerender.mjs): the meta
// description, and the links and previews for search engines and link previews. Addresses are
// absolute when the site's address is known at build time (SITE_URL); when it is not, what would
// have to be absolute (canonical, language alternates, og:url, preview image) is left out rather
// than written relative, which search engines reject.
import { HTML_LANG } from '../i18n/languages.ts';
import type { Lang, Story } from '../story/types';

export interface Page {
  lang: Lang;
  /** The `lang` attribute of the page's <html>, and its hreflang. */
  htmlLang: string;
  /** Path from the host's root: the site's base path, then the page's folder. */
  path: string;
  /** Output file in dist/. */
  file: string;
  /** The base path the site is served under ('/' or '/<folder>/'; src/build/site/base.ts). */
  base: string;
}

/**
 * The pages of a story told in `languages` (the default first), on a site served under `base`
 * ('/': the host's root): one per language, the default at the base and each other language in
 * the folder of its tag (`/zh/`, `/fr/`).
 */
export function sitePages(languages: readonly Lang[], base = '/'): readonly Page[] {
  return languages.map((lang, i) => ({
    lang,
    htmlLang: HTML_LANG[lang],
    path: i ? `${base}${lang}/` : base,
    file: i ? `${lang}/index.html` : 'index.html',
    base,
  }));
}

/**
 * The language of the page at `pathname` on a site under `base`: that of the page whose folder it
 * is in ('/zh', '/zh/', '/zh/index.html'), undefined for the first page, which takes any language.
 */
export function langOfPath(pathname: string, languages: readonly Lang[], base = '/'): Lang | undefined {
  return sitePages(languages, base)
    .slice(1)
    .find((p) => pathname === p.path.replace(/\/$/, '') || pathname.startsWith(p.path))?.lang;
}

export const MANIFEST_FILE = 'manifest.webmanifest';

/** Where the web-app manifest of `page` is: beside it, so each language's page has its own. */
export function manifestPath(page: Pick<Page, 'path'>): string {
  return `${page.path}${MANIFEST_FILE}`;
}

/** How a sentence ends in each language, and what comes between two. */
const STOP: Record<Lang, string> = { en: '.', zh: '。', fr: '.', es: '.' };
const BETWEEN: Record<Lang, string> = { en: ' ', zh: '', fr: ' ', es: ' ' };
/** og:locale of each language's page. */
const OG_LOCALE: Record<Lang, string> = { en: 'en_GB', zh: 'zh_CN', fr: 'fr_FR', es: 'es_ES' };

/** `text` ending as a sentence does in `lang` (its own final stop kept, else one added). */
function sentence(text: string | undefined, lang: Lang): string {
  const t = (text ?? '').trim();
  return /[.!?…。！？]$/.test(t) ? t : `${t}${STOP[lang]}`;
}

/** The page's description: the subtitle and the byline, each a sentence. */
export function metaDescription(story: Pick<Story, 'subtitle' | 'byline'>, lang: Lang): string {
  return [sentence(story.subtitle[lang], lang), sentence(story.byline[lang], lang)].join(BETWEEN[lang]);
}

/**
 * The site's address as given at build time ('https://example.org', with or without a final
 * slash), or undefined when none is given. Anything but an absolute http(s) address is an error.
 */
export function siteAddress(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://example.org, not "${v}"`);
  }
  if (!/^https?:$/.test(url.protocol))
    throw new Error(`SITE_URL must be an absolute http(s) address such as https://example.org, not "${v}"`);
  return v.replace(/\/+$/, '');
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The <head> lines for `page`; `site` from `siteAddress` (undefined: unknown). */
export function pageHead(
  story: Pick<Story, 'languages' | 'title' | 'subtitle' | 'byline' | 'chapters'>,
  page: Page,
  site: string | undefined,
  /** The link preview picture the story names (path from the host's root, size in px), if any. */
  preview?: { path: string; width: number; height: number } | null,
): string[] {
  const { lang } = page;
  const description = esc(metaDescription(story, lang));
  const title = esc(story.title[lang] ?? '');
  const abs = (path: string) => `${site}${path}`;
  const pages = sitePages(story.languages, page.base);
  const linked = site
    ? [
        `<link rel="canonical" href="${abs(page.path)}" />`,
        ...pages.map((p) => `<link rel="alternate" hreflang="${p.htmlLang}" href="${abs(p.path)}" />`),
        `<link rel="alternate" hreflang="x-default" href="${abs(pages[0]!.path)}" />`,
      ]
    : [];
  const picture = site && preview ? preview : null;
  const image = [
    ...(site ? [`<meta property="og:url" content="${abs(page.path)}" />`] : []),
    ...(picture
      ? [
          `<meta property="og:image" content="${abs(picture.path)}" />`,
          `<meta property="og:image:width" content="${picture.width}" />`,
          `<meta property="og:image:height" content="${picture.height}" />`,
          `<meta property="og:image:alt" content="${esc(story.chapters[0]?.description[lang] ?? '')}" />`,
        ]
      : []),
  ];
  return [
    `<meta name="description" content="${description}" />`,
    ...linked,
    `<link rel="manifest" href="${manifestPath(page)}" />`,
    `<link rel="apple-touch-icon" href="${page.base}icon-192.png" />`,
    `<meta name="theme-color" content="#1e3a5f" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:locale" content="${OG_LOCALE[lang]}" />`,
    ...image,
    // A large preview needs the (absolute) image; without it, the small card.
    `<meta name="twitter:card" content="${picture ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
    ...(picture ? [`<meta name="twitter:image" content="${abs(picture.path)}" />`] : []),
  ];
}
