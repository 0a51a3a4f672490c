// A story built for a folder of its host (`npm run build -- --base /grand-canal/`) asks for nothing
// outside it: every address the build writes derives from the one base path. At '/' (the default)
// each is what it always was.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePath } from '../../src/build/site/base';
import { siteFiles, webManifest } from '../../src/build/site/site';
import { fontFaceCss } from '../../src/build/fonts/css';
import { fontsPath } from '../../src/build/fonts/config';
import { mapFontFaces } from '../../src/build/fonts/plugin';
import { readManifest } from '../../src/build/fonts/cut';
import { loadStory } from '../../src/build/story/load';
import { langOfPath, manifestPath, pageHead, sitePages } from '../../src/lib/seo/page-head';
import { pageAliases, precacheList, writeServiceWorker } from '../../scripts/service-worker.mjs';

const FIXTURE = 'tests/fixtures/grand-canal';
const { story } = loadStory(FIXTURE);

const hrefs = (lines: string[], rel: string) =>
  lines.flatMap((l) => (l.includes(`rel="${rel}"`) ? [/href="([^"]*)"/.exec(l)![1]!] : []));

describe('the base path setting', () => {
  it('is the root unless given, and always a folder with both slashes', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('')).toBe('/');
    expect(basePath('/')).toBe('/');
    expect(basePath('/grand-canal/')).toBe('/grand-canal/');
    expect(basePath('/grand-canal')).toBe('/grand-canal/');
    expect(basePath('/stories/grand-canal/')).toBe('/stories/grand-canal/');
  });

  it('refuses what is not a path on the same host, saying what is wanted', () => {
    for (const bad of ['grand-canal', 'https://cdn.example.org/x/', '/a/../b/', '/a b/', '//x/', '/x?y'])
      expect(() => basePath(bad), bad).toThrow(
        /the base path must be a path on the host such as \/grand-canal\//,
      );
  });
});

describe('pages, manifest and head links under a base path', () => {
  it("the pages are the base (the default language) and a folder per other language; their files in the build don't move", () => {
    expect(story.languages).toEqual(['en', 'fr']);
    expect(sitePages(story.languages, '/').map((p) => [p.path, p.file, p.htmlLang])).toEqual([
      ['/', 'index.html', 'en'],
      ['/fr/', 'fr/index.html', 'fr'],
    ]);
    expect(sitePages(story.languages, '/x/').map((p) => [p.path, p.file])).toEqual([
      ['/x/', 'index.html'],
      ['/x/fr/', 'fr/index.html'],
    ]);
    expect(sitePages(story.languages, '/x/').map(manifestPath)).toEqual([
      '/x/manifest.webmanifest',
      '/x/fr/manifest.webmanifest',
    ]);
    // The default language is the first, whichever it is; Chinese pages say their script.
    expect(sitePages(['zh', 'en', 'es'], '/').map((p) => [p.path, p.htmlLang])).toEqual([
      ['/', 'zh-Hans'],
      ['/en/', 'en'],
      ['/es/', 'es'],
    ]);
    expect(sitePages(['en'], '/').map((p) => p.path)).toEqual(['/']);
  });

  it('the language of an address is that of the page it is under', () => {
    for (const [path, base, lang] of [
      ['/', '/', undefined],
      ['/fr', '/', 'fr'],
      ['/fr/', '/', 'fr'],
      ['/fr/index.html', '/', 'fr'],
      ['/x/', '/x/', undefined],
      ['/x/fr/', '/x/', 'fr'],
      ['/x/fr', '/x/', 'fr'],
      // Another story's French page is not this one's, nor a language the story is not told in.
      ['/fr/', '/x/', undefined],
      ['/zh/', '/', undefined],
      // A folder whose name only begins like a language's.
      ['/french/', '/', undefined],
    ] as const)
      expect(langOfPath(path, story.languages, base), `${path} under ${base}`).toBe(lang);
  });

  it("each page's manifest: start page, scope and icons under the base", () => {
    for (const base of ['/', '/x/']) {
      const [en, fr] = sitePages(story.languages, base).map((p) => webManifest(story, p));
      expect(en).toMatchObject({ start_url: `${base}?mode=kiosk`, scope: base, lang: 'en' });
      expect(fr).toMatchObject({
        start_url: `${base}fr/?mode=kiosk`,
        scope: base,
        lang: 'fr',
        name: 'Le Grand Canal',
      });
      expect((en!.icons as { src: string }[]).map((i) => i.src)).toEqual([
        `${base}icon-192.png`,
        `${base}icon-512.png`,
        `${base}favicon.svg`,
      ]);
    }
    // The files are written at the same place in the build folder, whatever the base.
    expect(siteFiles(FIXTURE, story, FIXTURE, '/x/').map((f) => f.fileName)).toEqual(
      siteFiles(FIXTURE, story, FIXTURE, '/').map((f) => f.fileName),
    );
    const frFile = siteFiles(FIXTURE, story, FIXTURE, '/x/').find(
      (f) => f.fileName === 'fr/manifest.webmanifest',
    );
    expect(JSON.parse(String(frFile!.source))).toMatchObject({
      scope: '/x/',
      start_url: '/x/fr/?mode=kiosk',
    });
  });

  it('the <head> links: manifest, icon, canonical and language alternates under the base', () => {
    const [en, fr] = sitePages(story.languages, '/x/');
    const head = pageHead(story, fr!, 'https://maps.example.org', { path: '/x/og.png', width: 1, height: 1 });
    expect(hrefs(head, 'manifest')).toEqual(['/x/fr/manifest.webmanifest']);
    expect(hrefs(head, 'apple-touch-icon')).toEqual(['/x/icon-192.png']);
    expect(hrefs(head, 'canonical')).toEqual(['https://maps.example.org/x/fr/']);
    expect(hrefs(head, 'alternate')).toEqual([
      'https://maps.example.org/x/',
      'https://maps.example.org/x/fr/',
      'https://maps.example.org/x/',
    ]);
    expect(head.filter((l) => l.includes('hreflang'))).toEqual([
      '<link rel="alternate" hreflang="en" href="https://maps.example.org/x/" />',
      '<link rel="alternate" hreflang="fr" href="https://maps.example.org/x/fr/" />',
      '<link rel="alternate" hreflang="x-default" href="https://maps.example.org/x/" />',
    ]);
    expect(head).toContain('<meta property="og:locale" content="fr_FR" />');
    expect(head.join('\n')).toContain('content="https://maps.example.org/x/og.png"');
    expect(hrefs(pageHead(story, en!, undefined), 'manifest')).toEqual(['/x/manifest.webmanifest']);
    const root = pageHead(story, sitePages(story.languages, '/')[0]!, undefined);
    expect(hrefs(root, 'manifest')).toEqual(['/manifest.webmanifest']);
    expect(hrefs(root, 'apple-touch-icon')).toEqual(['/icon-192.png']);
  });
});

describe('fonts under a base path', () => {
  const manifest = readManifest('static/fonts')!;
  it("the page's @font-face rules and the map's font list name the parts under the base", () => {
    for (const base of ['/', '/x/']) {
      const urls = [...fontFaceCss(manifest.files, fontsPath(base)).matchAll(/url\('([^']+)'\)/g)].map(
        (m) => m[1],
      );
      expect(urls).toEqual(manifest.files.map((f) => `${base}fonts/${f.file}`));
      const map = mapFontFaces(manifest, base).map((f) => f.url);
      expect(map.length).toBeGreaterThan(0);
      for (const url of map) expect(urls).toContain(url);
    }
    // The default is the root, as before.
    expect(fontFaceCss(manifest.files)).toBe(fontFaceCss(manifest.files, fontsPath('/')));
  });
});

describe('the service worker under a base path', () => {
  function fakeDist(): string {
    const dist = mkdtempSync(join(tmpdir(), 'sw-base-'));
    for (const f of ['index.html', 'zh/index.html', 'assets/index-abc123.js', 'basemap.pmtiles', 'sw.js']) {
      mkdirSync(join(dist, f, '..'), { recursive: true });
      writeFileSync(join(dist, f), f);
    }
    return dist;
  }

  it('precaches every file at its address under the base, and knows each page by its other addresses', () => {
    const dist = fakeDist();
    const urls = precacheList(dist, '/x/').map((e) => e.url);
    expect(urls.sort()).toEqual(['/x/', '/x/assets/index-abc123.js', '/x/basemap.pmtiles', '/x/zh/']);
    expect(new Map(pageAliases(precacheList(dist, '/x/'), '/x/'))).toEqual(
      new Map([
        ['/x/', '/x/'],
        ['/x/index.html', '/x/'],
        ['/x/zh/', '/x/zh/'],
        ['/x/zh/index.html', '/x/zh/'],
        ['/x/zh', '/x/zh/'],
      ]),
    );
    // At the root: the addresses the worker has always answered for.
    expect(new Map(pageAliases(precacheList(dist), '/'))).toEqual(
      new Map([
        ['/', '/'],
        ['/index.html', '/'],
        ['/zh/', '/zh/'],
        ['/zh/index.html', '/zh/'],
        ['/zh', '/zh/'],
      ]),
    );
  });

  it('the written worker lists only addresses under its base', () => {
    const dist = fakeDist();
    writeServiceWorker(dist, 'grand-canal', '/x/');
    const source = readFileSync(join(dist, 'sw.js'), 'utf8');
    const paths = [...source.matchAll(/["'`](\/[^"'`]*)["'`]/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !p.startsWith('/x/'))).toEqual([]);
    expect(source).not.toContain('__PAGES__');
  });
});
