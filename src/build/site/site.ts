// The files a browser, a search engine and a home screen read about the story, made from the story
// folder at build time: the web-app manifest, the link preview picture and the icons. A story
// folder may hold its own icons (icon-192.png, icon-512.png, favicon.svg); the default ones here
// stand in for those it has not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Story } from '../../lib/story/types.ts';
import { manifestPath, sitePages, type Page } from '../../lib/seo/page-head.ts';

export const DEFAULT_ICON_DIR = join(import.meta.dirname, 'default-icons');

export const ICONS = [
  { file: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { file: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
  { file: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
] as const;

export interface SiteFile {
  /** Path in the built site, without the leading slash. */
  fileName: string;
  source: Uint8Array | string;
  type: string;
  /** Where it came from, for messages. */
  from: string;
}

export class SiteError extends Error {}

/**
 * The web-app manifest of a story's page in one language: its name, description and language, and
 * its icons. An app installed from the Chinese page is named in Chinese and starts in Chinese (each
 * of the story's languages has its page, and each page its manifest). Its
 * scope is the site's base path: an app installed from a story shares its host with no other story.
 */
export function webManifest(
  story: Pick<Story, 'id' | 'languages' | 'title' | 'subtitle'>,
  page: Pick<Page, 'lang' | 'htmlLang' | 'path' | 'base'> = sitePages(story.languages)[0]!,
): Record<string, unknown> {
  return {
    name: story.title[page.lang],
    short_name: story.title[page.lang],
    description: story.subtitle[page.lang],
    lang: page.htmlLang,
    start_url: `${page.path}?mode=kiosk`,
    scope: page.base,
    display: 'fullscreen',
    orientation: 'any',
    background_color: '#111827',
    theme_color: '#1e3a5f',
    icons: ICONS.map((i) => ({
      src: `${page.base}${i.file}`,
      sizes: i.sizes,
      type: i.type,
      ...('purpose' in i ? { purpose: i.purpose } : {}),
    })),
  };
}

/**
 * Every site file the story folder `storyDir` decides, with `story` compiled from it, for a site
 * served under `base` (src/build/site/base.ts).
 */
export function siteFiles(storyDir: string, story: Story, storyDirLabel = storyDir, base = '/'): SiteFile[] {
  const files: SiteFile[] = sitePages(story.languages, base).map((page) => ({
    fileName: manifestPath(page).slice(base.length),
    source: JSON.stringify(webManifest(story, page), null, 2) + '\n',
    type: 'application/manifest+json',
    from: `${storyDirLabel}/story.yaml`,
  }));
  for (const icon of ICONS) {
    const own = join(storyDir, icon.file);
    const path = existsSync(own) ? own : join(DEFAULT_ICON_DIR, icon.file);
    files.push({
      fileName: icon.file,
      source: readFileSync(path),
      type: icon.type,
      from: existsSync(own) ? `${storyDirLabel}/${icon.file}` : 'default icon',
    });
  }
  if (story.preview) {
    const path = join(storyDir, story.preview);
    if (!existsSync(path))
      throw new SiteError(
        `${storyDirLabel}/story.yaml: preview: the file ${story.preview} is not in the story folder ` +
          '(make it with `npm run build && npm run images`, or remove the line)',
      );
    const source = readFileSync(path);
    pngSize(source, `${storyDirLabel}/${story.preview}`);
    files.push({
      fileName: story.preview,
      source,
      type: 'image/png',
      from: `${storyDirLabel}/${story.preview}`,
    });
  }
  return files;
}

/** Width and height of a PNG image, from its header; an error naming `label` if it is not one. */
export function pngSize(bytes: Uint8Array, label: string): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b))
    throw new SiteError(`${label}: not a PNG image`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
