// The service worker's file list holds the built pictures, and tells their sizes apart (each file's
// width, from the story), so that a device can keep only the sizes it shows and a kiosk all of them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mediaWidths, precacheList, writeServiceWorker } from '../../../scripts/service-worker.mjs';
import { loadBuiltStory } from '../../../src/build/story/load';

describe("the service worker's list and the pictures", () => {
  test('every picture file of the test story is listed with its width; SVGs, videos and captions without one', async () => {
    const { story, media } = await loadBuiltStory('tests/fixtures/grand-canal', process.cwd(), {
      base: '/grand-canal/',
    });
    const dist = mkdtempSync(join(tmpdir(), 'sw-media-'));
    for (const f of [...media.map((m) => m.fileName), 'index.html']) {
      mkdirSync(join(dist, f, '..'), { recursive: true });
      writeFileSync(join(dist, f), f);
    }
    const widths = mediaWidths(story);
    const list = precacheList(dist, '/grand-canal/', widths);
    const pictures = list.filter((e) => e.file.startsWith('media/'));
    expect(pictures).toHaveLength(media.length);
    for (const e of pictures) {
      const built = media.find((m) => m.fileName === e.file)!;
      expect(e.url).toBe(`/grand-canal/${e.file}`);
      expect(e.width, e.file).toBe(built.width);
    }
    const photo = pictures.filter((e) => e.file.startsWith('media/canal-at-dusk-')).map((e) => e.width);
    expect(new Set(photo)).toEqual(new Set([360, 420, 720, 900, 1000, 1800, 2000]));
    expect(pictures.filter((e) => e.width === undefined).map((e) => e.file.replace(/\..*\./, '.'))).toEqual(
      expect.arrayContaining(['media/canal-sketch.svg', 'media/canal-pan.webm', 'media/canal-pan.vtt']),
    );
    const sw = writeServiceWorker(dist, 'grand-canal', '/grand-canal/', { widths });
    expect(sw.urls).toEqual(expect.arrayContaining(pictures.map((e) => e.url)));
    expect(sw.entries.filter((e) => e.width).length).toBe(pictures.filter((e) => e.width).length);
  });
});
