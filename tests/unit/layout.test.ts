import { describe, expect, it, vi } from 'vitest';
import { freeRect, paddingFor } from '../../src/lib/layout/visible-map';
import { frameCamera, screenOffset } from '../../src/lib/layout/frame';
import { screenScale, watchScreenScale } from '../../src/lib/layout/screen-scale';
import type { Camera } from '../../src/lib/story/types';

const box = { left: 0, top: 0, right: 1280, bottom: 800 };

describe('the free part of the map', () => {
  it('is the whole box when nothing covers it', () => {
    expect(freeRect(box, [])).toEqual(box);
  });
  it('starts right of a text column and below a top bar', () => {
    const column = { left: 0, top: -2000, right: 480, bottom: 5000 };
    const bar = { left: 0, top: 0, right: 1280, bottom: 56 };
    const free = freeRect(box, [bar, column]);
    expect(free).toEqual({ left: 480, top: 56, right: 1280, bottom: 800 });
    expect(paddingFor(box, free)).toEqual({ top: 56, right: 0, bottom: 0, left: 480 });
  });
  it('ends above a card at the bottom of a portrait screen', () => {
    const portrait = { left: 0, top: 0, right: 1080, bottom: 1920 };
    const card = { left: 40, top: 1100, right: 1040, bottom: 1880 };
    expect(freeRect(portrait, [card])).toEqual({ left: 0, top: 0, right: 1080, bottom: 1100 });
  });
  it('gives up the side of a small corner box that costs least', () => {
    const inset = { left: 1130, top: 10, right: 1270, bottom: 120 };
    const free = freeRect(box, [inset]);
    // Cutting 150 px off the right keeps more than cutting 120 px off the top.
    expect(free.right).toBe(1130);
    expect(free.top).toBe(0);
  });
  it('ignores what lies outside the box', () => {
    expect(freeRect(box, [{ left: 1400, top: 0, right: 1600, bottom: 800 }])).toEqual(box);
  });
});

describe('framing a chapter in the free part', () => {
  const camera: Camera = { center: [58, 36], zoom: 2, pitch: 0, bearing: 0 };
  const chongqing: [number, number] = [106.55, 29.56];
  const phone = { width: 390, height: 420, padding: { top: 48, right: 0, bottom: 0, left: 0 } };
  const desktop = { width: 1280, height: 800, padding: { top: 0, right: 0, bottom: 0, left: 480 } };

  it("keeps the author's camera where the places already fit", () => {
    expect(frameCamera(camera, { must: [chongqing] }, desktop)).toBe(camera);
  });
  it('zooms out just enough on a small map for the highlighted place to stand inside, with the margin', () => {
    const framed = frameCamera(camera, { must: [chongqing] }, phone, { margin: 24 });
    expect(framed.zoom).toBeLessThan(camera.zoom);
    expect(framed.center).toEqual(camera.center);
    const o = screenOffset(framed, framed.zoom, chongqing, phone.height);
    expect(Math.abs(o.x)).toBeLessThanOrEqual(390 / 2 - 24);
    // Not much further out than needed (one step of 1/64 level).
    const closer = screenOffset(framed, framed.zoom + 1 / 32, chongqing, phone.height);
    expect(Math.abs(closer.x)).toBeGreaterThan(390 / 2 - 24);
  });
  it('shows the other places where a little more zoom allows, never at the cost of the highlighted ones', () => {
    const duisburg: [number, number] = [6.76, 51.43];
    const far: [number, number] = [-120, 0];
    const framed = frameCamera(camera, { must: [chongqing], should: [duisburg] }, phone);
    const withFar = frameCamera(camera, { must: [chongqing], should: [far] }, phone);
    expect(framed.zoom).toBeLessThanOrEqual(frameCamera(camera, { must: [chongqing] }, phone).zoom);
    // A place that would need far more zoom-out is left out.
    expect(withFar.zoom).toBe(frameCamera(camera, { must: [chongqing] }, phone).zoom);
  });
  it('turns offsets with the bearing and enlarges what a tilted camera sees nearer', () => {
    const north: [number, number] = [0, 1];
    const flat = screenOffset({ center: [0, 0], zoom: 5, pitch: 0, bearing: 0 }, 5, north, 800);
    expect(flat.x).toBeCloseTo(0);
    expect(flat.y).toBeLessThan(0);
    const turned = screenOffset({ center: [0, 0], zoom: 5, pitch: 0, bearing: 90 }, 5, north, 800);
    expect(Math.abs(turned.x)).toBeCloseTo(Math.abs(flat.y));
    const south: [number, number] = [0, -1];
    const tilted = { center: [0, 0] as [number, number], zoom: 5, pitch: 45, bearing: 0 };
    const near = screenOffset(tilted, 5, south, 800);
    const farther = screenOffset(tilted, 5, north, 800);
    expect(Math.abs(near.y)).toBeGreaterThan(Math.abs(farther.y));
  });
});

describe('a map drawn larger on a large screen', () => {
  it('is scaled by the shorter side over 1080p’s, never below 1', () => {
    expect(screenScale(1920, 1080)).toBe(1);
    expect(screenScale(1024, 768)).toBe(1);
    expect(screenScale(1080, 1920)).toBe(1);
    expect(screenScale(3840, 2160)).toBe(2);
    expect(screenScale(2160, 3840)).toBe(2);
    expect(screenScale(2560, 1440)).toBe(1.33);
  });
  it('takes its camera padding in its own pixels: the screen’s over the scale', () => {
    const screen = { left: 0, top: 0, right: 3840, bottom: 2160 };
    const free = { left: 1300, top: 0, right: 3840, bottom: 2000 };
    expect(paddingFor(screen, free, 2)).toEqual({ top: 0, right: 0, bottom: 80, left: 650 });
  });
});

describe('watching the screen for the map’s scale', () => {
  /** A window of `width`×`height` CSS px at `dpr`, whose resize and density queries can be fired. */
  function fakeScreen(width: number, height: number, dpr: number) {
    const resize = new Set<() => void>();
    const queries: { query: string; listeners: Set<() => void> }[] = [];
    const win = {
      innerWidth: width,
      innerHeight: height,
      devicePixelRatio: dpr,
      addEventListener: (_: string, f: () => void) => resize.add(f),
      removeEventListener: (_: string, f: () => void) => resize.delete(f),
      matchMedia: (query: string) => {
        const q = { query, listeners: new Set<() => void>() };
        queries.push(q);
        return {
          addEventListener: (_: string, f: () => void) => q.listeners.add(f),
          removeEventListener: (_: string, f: () => void) => q.listeners.delete(f),
        };
      },
    };
    const props = new Map<string, string>();
    const doc = {
      documentElement: {
        style: {
          setProperty: (k: string, v: string) => props.set(k, v),
          removeProperty: (k: string) => props.delete(k),
        },
      },
    };
    return { win, doc, props, queries, resize };
  }

  it('reports the scale and the pixel ratio on a resize and on a change of pixel density, and cleans up', () => {
    const s = fakeScreen(1920, 1080, 1);
    vi.stubGlobal('window', s.win);
    vi.stubGlobal('document', s.doc);
    try {
      const seen: [number, number][] = [];
      const stop = watchScreenScale((scale, ratio) => seen.push([scale, ratio]));
      expect(seen).toEqual([[1, 1]]);
      expect(s.props.get('--screen-scale')).toBe('1');
      // The window grows onto a 4K screen at 100 %.
      Object.assign(s.win, { innerWidth: 3840, innerHeight: 2160 });
      s.resize.forEach((f) => f());
      expect(seen.at(-1)).toEqual([2, 2]);
      expect(s.props.get('--screen-scale')).toBe('2');
      // Then to a screen of twice the density, at the same size: only the density query tells.
      s.win.devicePixelRatio = 2;
      s.queries.at(-1)!.listeners.forEach((f) => f());
      expect(seen.at(-1)).toEqual([2, 4]);
      // The query is asked again for the new density, and the old one is no longer heard.
      expect(s.queries.at(-1)!.query).toBe('(resolution: 2dppx)');
      expect(s.queries.at(-2)!.listeners.size).toBe(0);
      stop();
      expect(s.props.has('--screen-scale')).toBe(false);
      expect(s.resize.size).toBe(0);
      expect(s.queries.at(-1)!.listeners.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
