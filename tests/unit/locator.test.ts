// The overview inset: China's outline is generalised at build time, and a map view becomes a
// rectangle (or, when too small to see, a marker) in the same frame.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildLocatorOutline, storyInFrame, svgPath } from '../../src/build/locator/outline';
import { locatorFrame } from '../../src/build/locator/vite-plugin';
import { locatorPoint, MIN_RECT, viewRect } from '../../src/lib/map/locator';
import { loadStory } from '../../src/build/story/load';

const outline = buildLocatorOutline();
const { story } = loadStory('src/stories/liangjiang');
const chongqing = story.places.find((p) => p.id === 'chongqing')!.coordinates;

describe('overview inset', () => {
  test('the outline is small, and its frame holds China', () => {
    expect(outline.path.length).toBeGreaterThan(1000);
    expect(outline.path.length).toBeLessThan(40_000);
    const [w, s, e, n] = outline.bbox;
    expect(w).toBeLessThan(75);
    expect(e).toBeGreaterThan(134);
    expect(s).toBeLessThan(20);
    expect(n).toBeGreaterThan(53);
    const [x, y] = locatorPoint(outline, chongqing[0], chongqing[1]);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(outline.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(outline.height);
  });

  test('a city-scale view is a marker at its place; a country view is a rectangle round it', () => {
    const [cx, cy] = locatorPoint(outline, chongqing[0], chongqing[1]);
    const city = viewRect(outline, [
      chongqing[0] - 0.2,
      chongqing[1] - 0.15,
      chongqing[0] + 0.2,
      chongqing[1] + 0.15,
    ]);
    expect(city.point).toBe(true);
    expect(Math.abs(city.x + city.width / 2 - cx)).toBeLessThan(1);
    expect(Math.abs(city.y + city.height / 2 - cy)).toBeLessThan(1);
    const region = viewRect(outline, [95, 25, 115, 40]);
    expect(region.point).toBe(false);
    expect(region.width).toBeGreaterThan(MIN_RECT);
    expect(region.x).toBeLessThan(cx);
    expect(region.x + region.width).toBeGreaterThan(cx);
    const world = viewRect(outline, [-20, -10, 170, 70]);
    expect(world.covers).toBe(true);
  });
});

describe("the inset's outline path", () => {
  /** The absolute points an SVG path of `M x y l dx dy … z` rings draws. */
  const drawn = (d: string) =>
    d
      .split('z')
      .filter(Boolean)
      .map((ring) => {
        const [start, steps] = ring.slice(1).split('l');
        const nums = (s: string) => (s.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
        let [x, y] = nums(start!) as [number, number];
        const pts: [number, number][] = [[x, y]];
        const d2 = nums(steps!);
        for (let i = 0; i < d2.length; i += 2) pts.push([(x += d2[i]!), (y += d2[i + 1]!)]);
        return pts;
      });

  test('draws every point to a tenth, without rounding adding up along a ring', () => {
    // A long ring of small steps that each round the same way: absolute error would grow by
    // 0.04 a step if the steps were rounded instead of the points.
    const ring: [number, number][] = Array.from({ length: 200 }, (_, i) => [10 + i * 0.14, 50 - i * 0.26]);
    const square: [number, number][] = [
      [0, 0],
      [0.05, 3],
      [-2.5, 3],
      [0, 0],
    ];
    const paths = drawn(svgPath([ring, square]));
    expect(paths).toHaveLength(2);
    for (const [i, p] of ring.entries()) {
      expect(Math.abs(paths[0]![i]![0] - p[0])).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(paths[0]![i]![1] - p[1])).toBeLessThanOrEqual(0.05 + 1e-9);
    }
    // The closing point is left to `z`.
    expect(paths[1]).toHaveLength(3);
    expect(paths[1]![2]![0]).toBeCloseTo(-2.5, 9);
  });

  test("the built outline stays inside the inset's frame", () => {
    const pts = drawn(outline.path).flat();
    expect(pts.length).toBeGreaterThan(150);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(-0.05);
      expect(x).toBeLessThanOrEqual(outline.width + 0.05);
      expect(y).toBeGreaterThanOrEqual(-0.05);
      expect(y).toBeLessThanOrEqual(outline.height + 0.05);
    }
  });
});

describe('which stories show the inset', () => {
  test('a story told in China shows it, even one that reaches out from China; a story told elsewhere does not', () => {
    const { story: canal } = loadStory('tests/fixtures/grand-canal');
    expect(storyInFrame(story.places, outline.bbox)).toBe(true);
    expect(storyInFrame(canal.places, outline.bbox)).toBe(true);
    // Liangjiang's places include Duisburg and Singapore: still a story of China.
    expect(story.places.some((p) => !storyInFrame([p], outline.bbox))).toBe(true);
    const rhine = [
      [7.59, 47.56],
      [7.75, 48.58],
      [8.27, 50.0],
      [6.96, 50.94],
      [4.48, 51.92],
    ].map((c) => ({ coordinates: c }));
    expect(storyInFrame(rhine, outline.bbox)).toBe(false);
    // A Rhine story that mentions Shanghai once is still a Rhine story.
    expect(storyInFrame([...rhine, { coordinates: [121.47, 31.23] }], outline.bbox)).toBe(false);
    expect(storyInFrame([], outline.bbox)).toBe(false);
  });

  test("the inset's box says so for the story being built", () => {
    expect(locatorFrame('src/stories/liangjiang')).toMatchObject({
      width: outline.width,
      height: outline.height,
      shown: true,
    });
    // Without the build's cache the outline is made again here (~5 s).
  }, 30_000);

  test('a story that does not compile (mid-edit, in the dev server) keeps the box, and is reported once, by the story', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locator-'));
    try {
      cpSync('tests/fixtures/grand-canal', dir, { recursive: true });
      writeFileSync(join(dir, 'places.geojson'), '{ "type": "FeatureCollection", "features": [');
      expect(locatorFrame(dir).shown).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
