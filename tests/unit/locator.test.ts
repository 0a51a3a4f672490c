// The overview inset: China's outline is generalised at build time, and a map view becomes a
// rectangle (or, when too small to see, a marker) in the same frame.
import { describe, expect, test } from 'vitest';
import { buildLocatorOutline } from '../../src/build/locator/outline';
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
