// Two rivers at the confluence (issue 27.7): at Chaotianmen the map draws the Yangtze and the
// Jialing as water of the widths the story states (its basemap.yaml river_areas), meeting in the
// river, with the tip of the old town on land. Measured on the rendered map's features.
import { booleanPointInPolygon, destination, point, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { readStoryBasemap } from '../../geo/lib/story-basemap.mjs';
import { expect, settled, story, test } from './fixtures';

const widths = Object.fromEntries(
  readStoryBasemap('src/stories/liangjiang', '.').riverAreas.map((a) => [a.river, a.width_m]),
) as Record<string, number>;
/** On each river's line, 2–3 km above the confluence. */
const ON_RIVER: Record<string, Position> = { Yangtze: [106.557, 29.5594], Jialing: [106.533, 29.5712] };
const CONFLUENCE: Position = [106.5845, 29.5742];
const place = (id: string) => story.places.find((p) => p.id === id)!.coordinates as Position;

type Areas = [number, number][][][];

test('at Chaotianmen the Yangtze and the Jialing are water of their stated widths, meeting in the river', async ({
  page,
}) => {
  await page.goto('/#two-rivers');
  await settled(page, 'two-rivers');
  const read = () =>
    page.evaluate(
      () => (window.storymap?.basemap as { riverAreas?: [number, number][][][] } | null)?.riverAreas ?? [],
    );
  await expect.poll(async () => (await read()).length, { message: 'river areas drawn' }).toBeGreaterThan(0);
  const areas: Areas = await read();
  const shapes = areas.map((rings) => polygon(rings));
  const inWater = (p: Position) => shapes.some((s) => booleanPointInPolygon(point(p), s));

  for (const river of ['Yangtze', 'Jialing'] as const) {
    const at = ON_RIVER[river]!;
    expect(inWater(at), `${river} at ${at}`).toBe(true);
    // The narrowest chord of water through a point of the river, every 5° and every 5 m: its width.
    const run = (bearing: number) => {
      let d = 0;
      while (d < 3000 && inWater(destination(point(at), (d + 5) / 1000, bearing).geometry.coordinates))
        d += 5;
      return d;
    };
    let narrowest = Infinity;
    for (let b = 0; b < 180; b += 5) narrowest = Math.min(narrowest, run(b) + run(b + 180));
    const w = widths[river]!;
    expect(Math.abs(narrowest - w), `${river}: ${narrowest} m of water across, stated ${w} m`).toBeLessThan(
      0.1 * w,
    );
  }
  expect(inWater(CONFLUENCE), 'the rivers meet in the water').toBe(true);
  for (const id of ['chaotianmen', 'chongqing']) expect(inWater(place(id)), `${id} on land`).toBe(false);
});
