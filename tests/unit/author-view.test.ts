// The author's view writes what the author pastes into the story folder: the camera line for a
// chapter file, an entry for the places file. Pasted there, the real story compiler must read back
// what the map showed (within the rounding), in the files' own format.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStory } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';
import {
  authorKeyAction,
  cameraLine,
  metresPerPixel,
  placeEntry,
  freePlaceId,
  placesFileOf,
  roundCamera,
  storyFolderOf,
} from '../../src/lib/author/snippets';
import { unproject } from '../../src/lib/author/unproject';
import { mercator } from '../../src/lib/map/mercator';
import { AUTHOR_STRINGS } from '../../src/lib/author/strings';
import type { Camera } from '../../src/lib/story/types';

const FIXTURE = resolve('tests/fixtures/grand-canal');
const CHAPTER = 'chapters/02-north.md';

/** The test story compiled with `edit` applied to its files. */
function compileWith(edit: (files: Map<string, string>) => void) {
  const files = readStoryFolder(FIXTURE);
  edit(files);
  return compileStory(files, { dir: 'tests/fixtures/grand-canal' });
}

/** The chapter's camera after its `camera:` line is replaced by `line`. */
function pasteCamera(line: string): Camera {
  const story = compileWith((files) => {
    const text = files.get(CHAPTER)!;
    expect(text).toMatch(/^camera: .*$/m);
    files.set(CHAPTER, text.replace(/^camera: .*$/m, line));
  });
  return story.chapters.find((c) => c.id === 'north')!.camera;
}

const CAMERAS: Camera[] = [
  { center: [117.2, 37.6], zoom: 5.5, pitch: 10, bearing: 0 },
  { center: [116.987654321, 38.123456789], zoom: 4.876543, pitch: 37.26, bearing: -23.44 },
  { center: [121.000004, 30.999996], zoom: 6.004, pitch: 0.04, bearing: 179.97 },
  // Panned once around the world: MapLibre reports the longitude beyond 180°.
  { center: [117.5 + 360, 36.25], zoom: 3.2, pitch: 60, bearing: 200 },
];

describe('the camera line', () => {
  it('is the chapter files’ flow mapping, rounded to 5, 2 and 1 decimals', () => {
    expect(cameraLine(CAMERAS[1]!)).toBe(
      'camera: { center: [116.98765, 38.12346], zoom: 4.88, pitch: 37.3, bearing: -23.4 }',
    );
    expect(cameraLine(CAMERAS[0]!)).toBe(
      'camera: { center: [117.2, 37.6], zoom: 5.5, pitch: 10, bearing: 0 }',
    );
    // Rounded to 180°, a bearing is written as the same view's -180 (the schema's range).
    expect(cameraLine(CAMERAS[2]!)).toBe('camera: { center: [121, 31], zoom: 6, pitch: 0, bearing: -180 }');
    expect(cameraLine(CAMERAS[3]!)).toBe(
      'camera: { center: [117.5, 36.25], zoom: 3.2, pitch: 60, bearing: -160 }',
    );
  });

  it('pasted into a chapter file and compiled by the story compiler, gives back the camera', () => {
    for (const camera of CAMERAS) {
      const back = pasteCamera(cameraLine(camera));
      expect(back).toEqual(roundCamera(camera));
      const lng = ((((camera.center[0] + 180) % 360) + 360) % 360) - 180;
      expect(Math.abs(back.center[0] - lng)).toBeLessThanOrEqual(0.5e-5 + 1e-12);
      expect(Math.abs(back.center[1] - camera.center[1])).toBeLessThanOrEqual(0.5e-5 + 1e-12);
      expect(Math.abs(back.zoom - camera.zoom)).toBeLessThanOrEqual(0.005 + 1e-12);
      expect(Math.abs(back.pitch - camera.pitch)).toBeLessThanOrEqual(0.05 + 1e-12);
      const db = Math.abs(((((back.bearing - camera.bearing) % 360) + 540) % 360) - 180);
      expect(db).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });
});

describe('the place entry', () => {
  it('is a point feature of places.geojson that the compiler reads back at the picked point', () => {
    const entry = placeEntry([117.123456789, 39.987654321], 8, 'new-place', ['en', 'fr']);
    expect(entry).toContain('"coordinates": [117.12346, 39.98765]');
    const story = compileWith((files) => {
      const places = JSON.parse(files.get('places.geojson')!) as { features: unknown[] };
      places.features.push(JSON.parse(entry));
      files.set('places.geojson', JSON.stringify(places, null, 2));
    });
    const place = story.places.find((p) => p.id === 'new-place')!;
    expect(place.coordinates).toEqual([117.12346, 39.98765]);
    // A name in each of the story's languages (the test story's: English and French).
    expect(place.name).toEqual({ en: 'New place', fr: 'Nouveau lieu' });
    expect(place.source).toBe("Picked on the map in the author's view at zoom 8");
    // Five pixels at zoom 8 at 40° N (about 234 m each).
    expect(metresPerPixel(8, 40)).toBeCloseTo(234.2, 1);
    expect(place.accuracy).toBe('About 1.2 km (a point picked by eye on the map)');
    expect(placeEntry([117, 40], 11)).toContain('"accuracy": "About 100 m');
  });

  it('gets an id that no place of the story, nor one picked before, has', () => {
    expect(freePlaceId(['chongqing', 'pudong'])).toBe('new-place');
    expect(freePlaceId(['new-place', 'pudong'])).toBe('new-place-2');
    expect(freePlaceId(['new-place', 'new-place-2', 'new-place-3'])).toBe('new-place-4');
    expect(placeEntry([117, 40], 11, 'new-place-2')).toContain('"id": "new-place-2"');
  });

  it('names the files to edit from the chapter’s file', () => {
    expect(storyFolderOf('src/stories/x/chapters/02-north.md')).toBe('src/stories/x');
    expect(placesFileOf('../../tmp/a/grand-canal/chapters/01-south.md')).toBe(
      '../../tmp/a/grand-canal/places.geojson',
    );
  });
});

describe('a point of the screen, found with the map’s own projection', () => {
  // A map at zoom 6, rotated 30°, its centre at (600, 400) on the page.
  const camera = { center: [117, 38] as [number, number], zoom: 6, bearing: 30 };
  const project = (lngLat: [number, number]): [number, number] => {
    const scale = 512 * 2 ** camera.zoom;
    const [cx, cy] = mercator(camera.center);
    const [px, py] = mercator(lngLat);
    const dx = (px - cx) * scale;
    const dy = (py - cy) * scale;
    const b = (camera.bearing * Math.PI) / 180;
    return [600 + dx * Math.cos(b) + dy * Math.sin(b), 400 - dx * Math.sin(b) + dy * Math.cos(b)];
  };

  it('is where the projection puts it', () => {
    for (const target of [
      [116.2, 39.9],
      [120, 31],
      [117, 38],
    ] as [number, number][]) {
      const at = project(target);
      const found = unproject(project, at, camera.center)!;
      expect(found[0]).toBeCloseTo(target[0], 6);
      expect(found[1]).toBeCloseTo(target[1], 6);
    }
  });

  it('is nowhere where the map is not (above the horizon)', () => {
    const nowhere = (): [number, number] => [NaN, NaN];
    expect(unproject(nowhere, [10, 10], camera.center)).toBeNull();
  });
});

describe('the author’s keys', () => {
  it('leave the arrows, + and − to the map and browser shortcuts to the browser', () => {
    expect(authorKeyAction({ key: 'c' })).toEqual({ type: 'copyCamera' });
    expect(authorKeyAction({ key: 'C' })).toEqual({ type: 'copyCamera' });
    expect(authorKeyAction({ key: 'c', ctrlKey: true })).toBeNull();
    expect(authorKeyAction({ key: 'PageDown' })).toEqual({ type: 'next' });
    expect(authorKeyAction({ key: '[' })).toEqual({ type: 'prev' });
    expect(authorKeyAction({ key: 'p' })).toEqual({ type: 'placeAtCentre' });
    expect(authorKeyAction({ key: 'r' })).toEqual({ type: 'reset' });
    for (const key of ['ArrowLeft', 'ArrowUp', '+', '-', '=']) expect(authorKeyAction({ key })).toBeNull();
  });
});

// Without a build (a quick `npx vitest run`) this part is skipped; npm test and CI build first.
describe.runIf(existsSync('dist/index.html') || !!process.env.CI)('a build (dist/)', () => {
  it('has no author’s view: neither its code nor its mode, so no reader or kiosk can open it', () => {
    const assets = readdirSync('dist/assets');
    expect(assets.filter((f) => /author/i.test(f))).toEqual([]);
    const code = assets
      .filter((f) => /\.m?js$/.test(f))
      .map((f) => readFileSync(join('dist/assets', f), 'utf8'));
    for (const text of [
      AUTHOR_STRINGS.en.copyCamera,
      AUTHOR_STRINGS.zh.copyCamera,
      'Author.svelte',
      '`author`',
    ])
      expect(code.filter((c) => c.includes(text)).length, text).toBe(0);
  });
});
