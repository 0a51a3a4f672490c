// An SVG an author gives is code: it can hold scripts, event handlers, links that run script, and
// references to files elsewhere. The build serves it as it is, so it must hold none of that: it is
// REFUSED (with what was found and where), never quietly changed. Changing it would publish a
// picture other than the one the author looked at, and hide that the file was unsafe.
//
// Two checks, both must pass:
//  1. DOMPurify's SVG profile (run in jsdom): everything it would remove is listed, so the file is
//     within the allowlist of a well-kept sanitiser (scripts, on* handlers, javascript: URLs,
//     <foreignObject>, animations that set links or handlers, unknown elements and attributes).
//     Its profile lacks <use>, which is safe within the file: it is allowed, and checked by 2.
//  2. Nothing refers outside the file (DOMPurify keeps such references): every href/xlink:href is
//     "#id"; every CSS url() (in attributes, style attributes and <style>) is url(#id); no
//     @import; no processing instruction (xml-stylesheet) and no entity declarations.
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
const purify = createDOMPurify(window);
const PROFILE = { USE_PROFILES: { svg: true, svgFilters: true }, ADD_TAGS: ['use'], IN_PLACE: true };

const SVG_NS = 'http://www.w3.org/2000/svg';
/** url(…) that is not url(#id), in CSS or in a presentation attribute. */
const OUTSIDE_URL = /url\(\s*(?!['"]?#)([^)]*)\)/gi;

export interface SvgCheck {
  /** Why the file is not an SVG picture (not XML, no size), one line each, after the file's name. */
  problems: string[];
  /** What it holds that a served picture must not, one line each; empty when it may be served. */
  unsafe: string[];
  /** Its size in CSS px, from its viewBox (or width and height). */
  width: number;
  height: number;
}

const name = (el: Element) => `<${el.nodeName}>`;

export function checkSvg(text: string): SvgCheck {
  const problems: string[] = [];
  const unsafe: string[] = [];
  const result = (width = 0, height = 0): SvgCheck => ({ problems, unsafe, width, height });

  if (/<!ENTITY/i.test(text)) unsafe.push('entity declarations (<!ENTITY …>)');
  const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    problems.push(`is not well-formed XML (${error.textContent?.trim().split('\n')[0] ?? 'parse error'})`);
    return result();
  }
  const root = doc.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
    problems.push(`is not an SVG picture: its root is ${name(root)}, not <svg> in the SVG namespace`);
    return result();
  }
  for (const node of doc.childNodes)
    if (node.nodeType === window.Node.PROCESSING_INSTRUCTION_NODE)
      unsafe.push(`a processing instruction (<?${(node as ProcessingInstruction).target} …?>)`);

  // 2: references outside the file (before DOMPurify changes the tree in place). An attribute
  // reported here is not reported again by 1.
  const reported = new WeakMap<Element, Set<string>>();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of el.attributes) {
      const attrName = attr.name.toLowerCase();
      if ((attrName === 'href' || attrName.endsWith(':href')) && !attr.value.trim().startsWith('#')) {
        unsafe.push(
          `${attr.name}="${short(attr.value)}" on ${name(el)} (a reference outside the file; only "#id" is allowed)`,
        );
        reported.set(el, (reported.get(el) ?? new Set()).add(attr.name));
      }
      for (const m of attr.value.matchAll(OUTSIDE_URL))
        unsafe.push(`url(${short(m[1]!)}) in ${attr.name} on ${name(el)} (only url(#id) is allowed)`);
    }
    if (el.localName === 'style') {
      const css = el.textContent ?? '';
      for (const m of css.matchAll(OUTSIDE_URL))
        unsafe.push(`url(${short(m[1]!)}) in <style> (only url(#id) is allowed)`);
      if (/@import/i.test(css)) unsafe.push('@import in <style>');
    }
  }

  // 1: DOMPurify's allowlist.
  purify.removed.length = 0;
  purify.sanitize(root, PROFILE);
  for (const r of purify.removed as { element?: Element; attribute?: Attr | null; from?: Element }[]) {
    if (r.attribute) {
      if (!reported.get(r.from!)?.has(r.attribute.name))
        unsafe.push(`the attribute ${r.attribute.name} on ${name(r.from!)}`);
    } else if (r.element) unsafe.push(`the element ${name(r.element)}`);
  }

  const size = svgSize(root);
  if (!size) problems.push('has no viewBox (nor a width and height in px): its shape cannot be known');
  return result(size?.width, size?.height);
}

/** The SVG's size from its viewBox, else its width and height when given in px (or unitless). */
function svgSize(root: Element): { width: number; height: number } | undefined {
  const box = root
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0)
    return { width: box[2]!, height: box[3]! };
  const px = (v: string | null) => (v && /^\s*[\d.]+\s*(px)?\s*$/.test(v) ? parseFloat(v) : NaN);
  const width = px(root.getAttribute('width'));
  const height = px(root.getAttribute('height'));
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function short(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
