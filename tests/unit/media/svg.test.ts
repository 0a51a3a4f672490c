// An SVG is served as it is, so the build refuses one that holds code or reaches outside itself
// (src/build/media/svg.ts): each hostile SVG below is refused, naming what it holds; the safe ones,
// which use what drawings use (gradients, internal <use>, url(#id), text), pass.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkSvg } from '../../../src/build/media/svg';

const svg = (body: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50"${attrs}>${body}</svg>`;

describe('hostile SVGs are refused, with what they hold', () => {
  const cases: [string, string, RegExp][] = [
    ['a script', svg('<script>alert(1)</script>'), /the element <script>/],
    [
      'a script in the XHTML namespace',
      svg('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>'),
      /<script>/,
    ],
    [
      'an onload handler on the root',
      svg('<rect width="1" height="1"/>', ' onload="alert(1)"'),
      /onload on <svg>/,
    ],
    [
      'an onclick handler deep inside',
      svg('<g><rect onclick="steal()" width="1" height="1"/></g>'),
      /onclick on <rect>/,
    ],
    [
      'a javascript: link',
      svg('<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'),
      /href="javascript:alert\(1\)" on <a>/,
    ],
    [
      'a javascript: xlink:href',
      svg('<a xlink:href="javascript:alert(1)"><circle r="1"/></a>'),
      /xlink:href="javascript/,
    ],
    [
      'a link to another site',
      svg('<a href="https://example.org/"><circle r="1"/></a>'),
      /href="https:\/\/example\.org\/" on <a>/,
    ],
    [
      'an external image',
      svg('<image href="https://example.org/x.png" width="10" height="10"/>'),
      /href="https:\/\/example\.org\/x\.png" on <image>/,
    ],
    [
      'an image inlined as a data: URL (it could carry GPS)',
      svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'),
      /href="data:image\/png;base64,iVBORw0KGgo=" on <image>/,
    ],
    ['an external <use>', svg('<use href="other.svg#shape"/>'), /href="other\.svg#shape" on <use>/],
    [
      'an external <use> by xlink:href',
      svg('<use xlink:href="/icons.svg#i"/>'),
      /xlink:href="\/icons\.svg#i" on <use>/,
    ],
    [
      '<foreignObject>',
      svg(
        '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
      ),
      /the element <foreignObject>/,
    ],
    [
      'an <iframe>',
      svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://example.org/"/>'),
      /<iframe>/,
    ],
    [
      'CSS url() to another origin in a style attribute',
      svg('<rect style="fill: url(https://example.org/p.svg#p)" width="1" height="1"/>'),
      /url\(https:\/\/example\.org\/p\.svg#p\) in style on <rect>/,
    ],
    [
      'CSS url() to another file in a <style>',
      svg('<style>rect { fill: url("pattern.svg#p") }</style><rect width="1" height="1"/>'),
      /url\("pattern\.svg#p"\) in <style>/,
    ],
    [
      'url() to another file in a presentation attribute',
      svg('<rect fill="url(https://example.org/#g)" width="1" height="1"/>'),
      /url\(https:\/\/example\.org\/#g\) in fill on <rect>/,
    ],
    [
      '@import in a <style>',
      svg('<style>@import "https://example.org/a.css";</style>'),
      /@import in <style>/,
    ],
    [
      'an xml-stylesheet instruction',
      `<?xml-stylesheet href="https://example.org/a.css"?>${svg('<rect width="1" height="1"/>')}`,
      /a processing instruction \(<\?xml-stylesheet/,
    ],
    [
      'an entity declaration',
      `<!DOCTYPE svg [<!ENTITY x "y">]>${svg('<text>&x;</text>')}`,
      /entity declarations/,
    ],
    [
      'an animation that sets a link to script',
      svg('<a><animate attributeName="href" values="javascript:alert(1)"/><rect width="1" height="1"/></a>'),
      /the element <animate>/,
    ],
    [
      'a <set> that adds a handler',
      svg('<set attributeName="onmouseover" to="alert(1)"/>'),
      /the element <set>/,
    ],
  ];
  test.each(cases)('%s', (_, text, found) => {
    const check = checkSvg(text);
    expect(check.unsafe.join('\n')).toMatch(found);
  });

  test('every hostile case of the list was refused (none slipped through as safe)', () => {
    const passed = cases.filter(([, text]) => !checkSvg(text).unsafe.length).map(([what]) => what);
    expect(passed).toEqual([]);
  });

  test("an editor's own elements and attributes are named: the author exports plain SVG", () => {
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" viewBox="0 0 10 10"><sodipodi:namedview id="n"/><path d="M0 0H1"/></svg>`;
    expect(checkSvg(inkscape).unsafe.join('\n')).toMatch(/<sodipodi:namedview>/);
  });
});

describe('safe SVGs pass, with their size', () => {
  test('gradients, internal <use>, url(#id), <style> without outside references, text', () => {
    const check = checkSvg(
      svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#c2410c"/></linearGradient>' +
          '<path id="p" d="M0 0H10"/></defs><style>.a { fill: url(#g) }</style>' +
          '<rect class="a" width="10" height="10" fill="url(#g)"/><use href="#p"/><use xlink:href="#p"/>' +
          '<text x="5" y="40">2010</text>',
      ),
    );
    expect(check).toEqual({ problems: [], unsafe: [], width: 100, height: 50 });
  });

  test.each([
    'src/stories/liangjiang/media/two-rivers-meet.svg',
    'src/stories/liangjiang/media/timeline-2010-2018.svg',
    'src/stories/liangjiang/media/port-transfer.svg',
    'tests/fixtures/grand-canal/media/canal-sketch.svg',
  ])('the illustration %s', (file) => {
    const check = checkSvg(readFileSync(file, 'utf8'));
    expect(check.problems).toEqual([]);
    expect(check.unsafe).toEqual([]);
    expect(check.width).toBeGreaterThan(0);
  });

  test('the size comes from the viewBox, else from width and height in px', () => {
    const sized = `<svg xmlns="http://www.w3.org/2000/svg" width="300px" height="200"><rect width="1" height="1"/></svg>`;
    expect(checkSvg(sized)).toMatchObject({ width: 300, height: 200, problems: [] });
  });
});

describe('files that are not SVG pictures', () => {
  test.each([
    ['not well-formed XML', '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', /is not well-formed XML/],
    ['an HTML root', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /its root is <html>/],
    [
      'no viewBox and no size',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>',
      /has no viewBox/,
    ],
    [
      'a size in per cent',
      '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"/>',
      /has no viewBox/,
    ],
  ])('%s', (_, text, found) => {
    expect(checkSvg(text).problems.join('\n')).toMatch(found);
  });
});
