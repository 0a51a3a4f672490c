// What a phone, tablet or desktop reader of the scroll mode must see at rest on a chapter (issue 15
// item 2): one opaque bar at the top that nothing shows through; on phones and tablets the map's
// own box, which no chapter text covers; touch targets of at least 44 px; the map's credits over
// no text; no sideways scrolling; the chapter's heading in view. Checked on the screens matrix
// (screens.spec.ts), in the same walk through the chapters as the framing of their places.
import type { Page } from '@playwright/test';

interface Check {
  problems: string[];
}

/** Everything measured in the page at rest; returns what is wrong, in words. */
export async function checkScrollLayout(page: Page, mapOwnBox: boolean): Promise<Check> {
  return page.evaluate((mapOwnBox) => {
    const problems: string[] = [];
    const bar = document.querySelector<HTMLElement>('.topbar')!;
    const slot = document.querySelector<HTMLElement>('.map-slot')!;
    const story = document.querySelector<HTMLElement>('.story')!;
    const attrib = document.querySelector<HTMLElement>('.maplibregl-ctrl-attrib');
    const name = (el: Element | undefined) =>
      el
        ? `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`
        : 'nothing';
    const alpha = (el: Element) => {
      const c = getComputedStyle(el).backgroundColor;
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return 0;
      const parts = m[1]!.split(/[ ,/]+/).filter(Boolean);
      return parts.length > 3 ? Number(parts[3]) : 1;
    };
    const opaque = (el: Element) => el instanceof HTMLCanvasElement || alpha(el) >= 0.99;
    const grid = (r: DOMRect, nx: number, ny: number, inset = 3) => {
      const pts: [number, number][] = [];
      for (let i = 0; i < nx; i++)
        for (let j = 0; j < ny; j++)
          pts.push([
            r.left + inset + ((r.width - 2 * inset) * i) / Math.max(1, nx - 1),
            r.top + inset + ((r.height - 2 * inset) * j) / Math.max(1, ny - 1),
          ]);
      return pts;
    };
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const onScreen = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x < vw && y < vh;

    // The bar: one opaque band, first at every point of it (nothing shows between its controls).
    const barRect = bar.getBoundingClientRect();
    if (alpha(bar) < 0.99)
      problems.push(`the bar's background is not opaque (${getComputedStyle(bar).backgroundColor})`);
    if (barRect.left > 0.5 || barRect.right < vw - 0.5 || barRect.top > 0.5)
      problems.push('the bar does not span the top of the screen');
    for (const p of grid(barRect, 24, 3, 2)) {
      const top = document.elementsFromPoint(...p)[0];
      if (!top || !bar.contains(top))
        problems.push(`at ${p.map(Math.round)} in the bar, ${name(top)} is on top`);
    }
    if (!bar.hasAttribute('data-covers-map')) problems.push('the bar does not carry data-covers-map');

    // The map's box: at rest, nothing but the map (and its own controls) on top of it. On a
    // desktop, the chapters' column covers the left of it (and says so), and nothing the rest.
    const slotRect = slot.getBoundingClientRect();
    if (slotRect.width < 100 || slotRect.height < 100)
      problems.push(`the map's box is ${slotRect.width}×${slotRect.height}`);
    if (slotRect.top < barRect.bottom - 0.5) problems.push('the map box starts under the bar');
    const column = story.getBoundingClientRect();
    // What the layout module (src/lib/layout/visible-map.ts) reads: a marked element covers the
    // map unless the stylesheet releases it with --covers-map: 0.
    const declaresCover =
      story.hasAttribute('data-covers-map') &&
      getComputedStyle(story).getPropertyValue('--covers-map').trim() !== '0';
    const free = mapOwnBox
      ? slotRect
      : new DOMRect(column.right, slotRect.top, slotRect.right - column.right, slotRect.height);
    if (mapOwnBox) {
      if (declaresCover) problems.push('the story says it covers the map, which has a box of its own');
      if (slotRect.height < vh * 0.3)
        problems.push(`the map's box is only ${Math.round(slotRect.height)} px tall`);
    } else {
      if (!declaresCover) problems.push('the story column over the map does not say it covers it');
      for (const c of story.querySelectorAll('.story-intro, .chapter')) {
        const r = c.getBoundingClientRect();
        if (r.right > column.right + 0.5 || r.left < column.left - 0.5)
          problems.push(`${c.id || 'the intro'} reaches outside the story column`);
      }
    }
    for (const p of grid(free, 9, 9).filter(onScreen)) {
      const top = document.elementsFromPoint(...p)[0];
      if (!top || !slot.contains(top))
        problems.push(`at ${p.map(Math.round)} over the map, ${name(top)} is on top`);
    }

    // The credits: nothing of the story paints over them, and none of the story's text shows
    // under them (an opaque element lies between them and any text below).
    if (attrib) {
      const r = attrib.getBoundingClientRect();
      if (r.width > 0) {
        if (
          r.left < slotRect.left - 0.5 ||
          r.right > slotRect.right + 0.5 ||
          r.bottom > slotRect.bottom + 0.5
        )
          problems.push('the credits reach outside the map box');
        // Inside its rounded ends.
        const inner = new DOMRect(r.left + r.height / 2, r.top, r.width - r.height, r.height);
        for (const p of grid(inner, 8, 3, 4).filter(onScreen)) {
          const stack = document.elementsFromPoint(...p);
          const at = stack.findIndex((el) => attrib.contains(el));
          if (at < 0) {
            problems.push(`at ${p.map(Math.round)} the credits are covered by ${name(stack[0])}`);
            continue;
          }
          for (const el of stack.slice(at)) {
            if (story.contains(el)) {
              problems.push(`at ${p.map(Math.round)} the credits lie over ${name(el)}`);
              break;
            }
            if (opaque(el) && !attrib.contains(el)) break;
          }
        }
      }
    } else problems.push('no map credits');

    // Touch targets: the bar's controls, the credits' button, the chapters' source lists.
    const targets = [
      ...bar.querySelectorAll<HTMLElement>('button, a, summary'),
      ...document.querySelectorAll<HTMLElement>('.maplibregl-ctrl-attrib-button, .story summary'),
    ];
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown on this screen
      if (r.width < 44 - 0.01 || r.height < 44 - 0.01)
        problems.push(
          `${name(el)} "${(el.textContent ?? '').trim().slice(0, 20)}" is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px`,
        );
    }

    // No sideways scrolling, and the bar's controls all on the screen.
    const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    if (over > 0) problems.push(`the page scrolls sideways by ${over} px`);
    for (const el of bar.querySelectorAll<HTMLElement>('button')) {
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.right > vw || r.top < 0 || r.bottom > barRect.bottom + 0.5)
        problems.push(`${name(el)} "${el.textContent?.trim()}" is not inside the bar`);
    }
    return { problems };
  }, mapOwnBox);
}

/** The chapter's heading is on the screen and nothing covers it (the reader is reading it). */
export async function headingInView(page: Page, id: string): Promise<string | null> {
  return page.evaluate((id) => {
    const h = document.querySelector(`#${id} .chapter-title`)!;
    const r = h.getBoundingClientRect();
    const x = r.left + Math.min(20, r.width / 2);
    const y = r.top + r.height / 2;
    if (y < 0 || y > window.innerHeight) return `the heading of ${id} is off the screen (y ${Math.round(y)})`;
    const top = document.elementFromPoint(x, y);
    return top && h.contains(top)
      ? null
      : `the heading of ${id} is covered by ${top?.className || top?.tagName}`;
  }, id);
}
