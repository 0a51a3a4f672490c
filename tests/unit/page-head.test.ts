// The prerendered pages' <head>: the meta description and the links search engines read.
import { describe, expect, it } from 'vitest';
import { metaDescription, pageHead, siteAddress, sitePages } from '../../src/lib/seo/page-head';

const story = {
  languages: ['en', 'zh'],
  title: { en: 'Where Two Rivers Meet', zh: '两江交汇' },
  subtitle: { en: 'An inland river city becomes a gateway to the world', zh: '从内陆江城走向世界的门户' },
  byline: { en: 'Based on a news article, with open map data.', zh: '根据一篇新闻报道编写。' },
  chapters: [{ description: { en: 'A map of the rivers', zh: '两江地图' } }],
} as unknown as Parameters<typeof pageHead>[0];
const PAGES = sitePages(story.languages);

const hrefs = (lines: string[], rel: string) =>
  lines.flatMap((l) => (l.includes(`rel="${rel}"`) ? [/href="([^"]*)"/.exec(l)![1]!] : []));

describe('meta description', () => {
  it('is the subtitle and the byline as sentences, in either language', () => {
    expect(metaDescription(story, 'en')).toBe(
      'An inland river city becomes a gateway to the world. Based on a news article, with open map data.',
    );
    expect(metaDescription(story, 'zh')).toBe('从内陆江城走向世界的门户。根据一篇新闻报道编写。');
  });
  it('keeps a stop the subtitle already has', () => {
    expect(metaDescription({ ...story, subtitle: { en: 'Really?', zh: '真的？' } }, 'en')).toMatch(
      /^Really\? Based/,
    );
  });
});

describe('canonical and hreflang links', () => {
  it('are absolute when the site address is known', () => {
    for (const page of PAGES) {
      const preview = { path: '/og-image.png', width: 1200, height: 630 };
      const head = pageHead(story, page, siteAddress('https://maps.example.org/'), preview);
      expect(hrefs(head, 'canonical')).toEqual([`https://maps.example.org${page.path}`]);
      expect(hrefs(head, 'alternate')).toEqual([
        'https://maps.example.org/',
        'https://maps.example.org/zh/',
        'https://maps.example.org/',
      ]);
      expect(head.join('\n')).toContain('content="https://maps.example.org/og-image.png"');
      // A story without a preview picture gets the small card, whatever the address.
      const plain = pageHead(story, page, siteAddress('https://maps.example.org/'), null).join('\n');
      expect(plain).not.toMatch(/og:image|summary_large_image/);
    }
  });
  it('are absent, never relative, when it is not', () => {
    for (const page of PAGES) {
      const head = pageHead(story, page, siteAddress(undefined));
      expect(hrefs(head, 'canonical')).toEqual([]);
      expect(hrefs(head, 'alternate')).toEqual([]);
      expect(head.join('\n')).not.toMatch(/og:url|og:image|twitter:image|summary_large_image/);
      expect(head.join('\n')).toContain('name="description"');
    }
  });
  it('refuse a site address that is not absolute', () => {
    expect(() => siteAddress('/maps')).toThrow(/SITE_URL must be an absolute/);
    expect(() => siteAddress('ftp://example.org')).toThrow(/SITE_URL/);
    expect(siteAddress('  ')).toBeUndefined();
  });
});
