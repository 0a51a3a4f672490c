// Story text can never inject script: renderMarkdown is fed hostile Markdown, fixed cases and a
// few thousand seeded random combinations, and its HTML is parsed the way a browser would.
// Every element and attribute must be on an allow-list, and every link a safe kind of URL.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, markdownToText, renderMarkdown } from '../../src/build/story/markdown';

const ELEMENTS = new Set([
  'p',
  'em',
  'strong',
  'a',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  's',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
]);
const ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel', 'target']),
  img: new Set(['src', 'alt', 'title']),
  ol: new Set(['start']),
  th: new Set(['style']),
  td: new Set(['style']),
  code: new Set(['class']),
};
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://story.example/' });

/** Problems in rendered HTML; an empty list means it is safe. */
function problems(html: string): string[] {
  const out: string[] = [];
  const box = dom.window.document.createElement('div');
  box.innerHTML = html;
  for (const el of box.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!ELEMENTS.has(tag)) out.push(`element <${tag}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (!ATTRIBUTES[tag]?.has(name)) out.push(`attribute ${name} on <${tag}>`);
      if (name === 'style' && !/^text-align:(?:left|right|center)$/.test(attr.value))
        out.push(`style "${attr.value}"`);
      // A fence's info string becomes a class, escaped: quotes stay inside the value.
      if (name === 'class' && !/^language-\S+$/.test(attr.value)) out.push(`class "${attr.value}"`);
      if (name === 'href' || name === 'src') {
        // Resolve as the browser does (entities decoded, whitespace and control characters dropped).
        const url = new dom.window.URL(attr.value, 'https://story.example/');
        if (!SCHEMES.has(url.protocol)) out.push(`${name} with scheme ${url.protocol} (${attr.value})`);
      }
    }
  }
  return out;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](java%0ascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;&#x61;vascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x]( javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](DATA:text/html,<script>alert(1)</script>)',
  '[x](file:///etc/passwd)',
  '[x](\u0000javascript:alert(1))',
  '[x](\u001fjavascript:alert(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml,<svg onload=alert(1)>)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x][r]\n\n[r]: <data:text/html,x> "t"',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '[[x](javascript:alert(1))](https://ok.example)',
  '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example" onmouseover="alert(1))',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```" onload="alert(1)\ncode\n```',
  '> <img src=x onerror=alert(1)>',
  '| a | b |\n|:-|-:|\n| <b onclick=alert(1)>x</b> | [y](javascript:z) |',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<style>@import "//evil.example/x.css"</style>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="#" onclick="alert(1)">x</a>',
  '[x](#" onclick="alert(1))',
  '[x](//evil.example)',
];

describe('renderMarkdown with hostile input', () => {
  it('keeps the allow-list on every known attack', () => {
    for (const src of HOSTILE) {
      const html = renderMarkdown(src);
      expect(problems(html), `${JSON.stringify(src)} → ${html}`).toEqual([]);
    }
  });

  it('still renders ordinary story Markdown as Markdown', () => {
    const html = renderMarkdown(
      '**Bold** and [a source](https://example.org/x) and [a chapter](#two-rivers).',
    );
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('href="https://example.org/x"');
    expect(html).toContain('rel="noopener noreferrer external"');
    expect(html).toContain('href="#two-rivers"');
    expect(problems(html)).toEqual([]);
    // Raw HTML is shown as text, not dropped silently.
    expect(renderMarkdown('<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('refuses script-like URLs in any spelling', () => {
    for (const u of [
      'javascript:x',
      ' JAVASCRIPT:x',
      'java\nscript:x',
      'vbscript:x',
      'data:text/html,x',
      'file:///x',
    ])
      expect(isSafeUrl(u), u).toBe(false);
    for (const u of ['https://x.example', 'mailto:a@b.example', '#id', './x', '/x'])
      expect(isSafeUrl(u), u).toBe(true);
  });

  it('survives a few thousand seeded random combinations of fragments', () => {
    const FRAGMENTS = [
      ...HOSTILE,
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '"',
      "'",
      '`',
      '```',
      '!',
      '*',
      '_',
      '\\',
      '&',
      '&#',
      ';',
      ':',
      '\n',
      '\n\n',
      '\t',
      ' ',
      '#',
      '> ',
      '- ',
      '1. ',
      '|',
      '[x]',
      '(y)',
      '[r]: ',
      'javascript:',
      'java',
      'script:',
      'data:',
      'vbscript:',
      'https://ok.example',
      'mailto:a@b.example',
      'onerror=',
      'alert(1)',
      '<img',
      '<svg',
      '<script',
      '</script>',
      'src=',
      'href=',
      '&#106;',
      '&#x3A;',
      '%3A',
      '\u0000',
      '\u2028',
      '中文',
    ];
    // mulberry32: small, seeded, reproducible.
    let seed = 0x5eed1234;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, pick);
      const src = parts.join(random() < 0.5 ? '' : ' ');
      const html = renderMarkdown(src);
      const found = problems(html);
      if (found.length) expect(found, `case ${i}: ${JSON.stringify(src)} → ${html}`).toEqual([]);
      // The plain-text form (titles, live regions) is text, set as text: it must not throw.
      expect(typeof markdownToText(src)).toBe('string');
    }
  }, 60_000);
});
