// What the media build makes of the test story's files (src/build/media): a photograph stored on
// its side with a Display P3 profile and a phone's private EXIF (GPS, camera serials, owner) comes
// out upright, in sRGB and with no metadata at all; every layout width in AVIF, WebP and JPEG (PNG
// for a drawing with transparency), each file as wide as it says; width, height and a placeholder;
// the SVG, the video and its captions served as they are, under names that hash their content.
import { readFileSync } from 'node:fs';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { MediaSiteFile } from '../../../src/build/media/build';
import { contentHash, MediaCache } from '../../../src/build/media/cache';
import { layoutWidths } from '../../../src/build/media/config';
import { loadBuiltStory } from '../../../src/build/story/load';
import type { Media, Story } from '../../../src/lib/story/types';

const DIR = 'tests/fixtures/grand-canal';
const PHOTO = `${DIR}/media/canal-at-dusk.jpg`;

/** The tags of a TIFF/EXIF block: IFD0's, the Exif IFD's and the GPS IFD's (a reader for the test). */
function exifTags(exif: Buffer): { ifd0: number[]; exif: number[]; gps: number[] } {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = (at: number) => {
    const n = u16(at);
    return Array.from({ length: n }, (_, i) => ({
      tag: u16(at + 2 + i * 12),
      value: u32(at + 2 + i * 12 + 8),
    }));
  };
  const ifd0 = ifd(u32(4));
  const at = (tag: number) => ifd0.find((e) => e.tag === tag)?.value;
  return {
    ifd0: ifd0.map((e) => e.tag),
    exif: at(0x8769) ? ifd(at(0x8769)!).map((e) => e.tag) : [],
    gps: at(0x8825) ? ifd(at(0x8825)!).map((e) => e.tag) : [],
  };
}
const GPS_LATITUDE = 0x0002;
const BODY_SERIAL = 0xa431;
const OWNER = 0xa430;
const PRIVATE_TEXT = [
  'TC-SERIAL-0042',
  'TC-LENS-0042',
  'A. Tester',
  'TestCam',
  'Exif\0\0',
  'http://ns.adobe.com/xap',
];

let story: Story;
let files: Map<string, MediaSiteFile>;
const media = (file: string): Media => story.chapters.flatMap((c) => c.media).find((m) => m.file === file)!;
/** The built file behind an address of the site. */
const fileAt = (url: string) => files.get(url.replace(/^\//, ''))!;

beforeAll(async () => {
  const built = await loadBuiltStory(DIR);
  story = built.story;
  files = new Map(built.media.map((f) => [f.fileName, f]));
}, 300_000);

describe('the photograph publishes nothing private', () => {
  test('the source holds GPS, camera serials and an owner (so that the test means something)', async () => {
    const meta = await sharp(PHOTO).metadata();
    const tags = exifTags(meta.exif!);
    expect(tags.gps).toContain(GPS_LATITUDE);
    expect(tags.exif).toEqual(expect.arrayContaining([BODY_SERIAL, OWNER]));
    expect(meta.xmp).toBeDefined();
    expect(meta.icc).toBeDefined();
    expect(meta.orientation).toBe(6);
    const bytes = readFileSync(PHOTO).toString('latin1');
    for (const text of PRIVATE_TEXT) expect(bytes.includes(text), text).toBe(true);
  });

  test('no built file has EXIF, XMP, IPTC or an ICC profile, nor any of the private text', async () => {
    const image = media('media/canal-at-dusk.jpg').image!;
    const urls = image.formats.flatMap((f) => f.files.map((x) => x.url));
    expect(urls).toHaveLength(21);
    for (const url of urls) {
      const path = fileAt(url).path;
      const meta = await sharp(path).metadata();
      expect({
        url,
        exif: meta.exif,
        xmp: meta.xmp,
        iptc: meta.iptc,
        icc: meta.icc,
        orientation: meta.orientation,
      }).toEqual({
        url,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: undefined,
      });
      const bytes = readFileSync(path).toString('latin1');
      for (const text of PRIVATE_TEXT) expect(bytes.includes(text), `${text} in ${url}`).toBe(false);
    }
  });

  test('it is turned upright by its EXIF orientation and converted from Display P3 to sRGB', async () => {
    const image = media('media/canal-at-dusk.jpg').image!;
    expect([image.width, image.height]).toEqual([2000, 1250]);
    const jpeg = image.formats.find((f) => f.type === 'image/jpeg')!.files.at(-1)!;
    const out = fileAt(jpeg.url).path;
    expect(await sharp(out).metadata()).toMatchObject({ width: 2000, height: 1250, space: 'srgb' });
    // Its colours are the source's converted through its profile, not its raw P3 numbers read as sRGB.
    const sample = (img: Sharp) => img.resize(8, 5, { fit: 'fill' }).raw().toBuffer();
    const built = await sample(sharp(out));
    const converted = await sample(sharp(PHOTO).rotate());
    const raw = await sample(sharp(PHOTO, { ignoreIcc: true }).rotate());
    const distance = (a: Buffer, b: Buffer) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
    expect(distance(converted, raw)).toBeGreaterThan(1);
    expect(distance(built, converted)).toBeLessThan(distance(built, raw));
  });
});

describe('the sizes and formats the layouts need', () => {
  test('a photograph: every width of the table in AVIF, WebP and JPEG, each file as wide as it says', async () => {
    const image = media('media/canal-at-dusk.jpg').image!;
    expect(image.formats.map((f) => f.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    for (const format of image.formats) {
      expect(format.files.map((f) => f.width)).toEqual(layoutWidths());
      for (const f of format.files) {
        const meta = await sharp(fileAt(f.url).path).metadata();
        expect([meta.format, meta.width, meta.height], f.url).toEqual([
          { 'image/avif': 'heif', 'image/webp': 'webp', 'image/jpeg': 'jpeg' }[format.type as string],
          f.width,
          Math.round((f.width * 1250) / 2000),
        ]);
        expect(f.bytes).toBe(readFileSync(fileAt(f.url).path).length);
        expect(fileAt(f.url).width).toBe(f.width);
      }
    }
  });

  test('a drawing with transparency: PNG instead of JPEG, up to its own width', () => {
    const image = media('media/lock-keeper.png').image!;
    expect(image.formats.map((f) => f.type)).toEqual(['image/avif', 'image/webp', 'image/png']);
    expect(image.formats[2]!.files.map((f) => f.width)).toEqual([360, 420, 720, 900, 1000, 1200]);
    expect([image.width, image.height]).toEqual([1200, 1200]);
    expect(media('media/lock-keeper.png')).toMatchObject({ kind: 'illustration', place: 'suzhou' });
  });

  test('an SVG is served as it is, with the size of its viewBox', () => {
    const image = media('media/canal-sketch.svg').image!;
    expect([image.width, image.height]).toEqual([400, 300]);
    expect(image.formats).toHaveLength(1);
    const svg = image.formats[0]!;
    expect(svg.type).toBe('image/svg+xml');
    expect(readFileSync(fileAt(svg.files[0]!.url).path)).toEqual(
      readFileSync(`${DIR}/media/canal-sketch.svg`),
    );
  });

  test('a video: its file as it is, its poster made like a photograph, its captions in each of the story’s languages', () => {
    const video = media('media/canal-pan.webm');
    expect(video.video).toMatchObject({
      type: 'video/webm',
      bytes: readFileSync(`${DIR}/media/canal-pan.webm`).length,
    });
    expect(readFileSync(fileAt(video.video!.url).path)).toEqual(readFileSync(`${DIR}/media/canal-pan.webm`));
    expect(Object.keys(video.video!.captions!)).toEqual(['en', 'fr']);
    expect(readFileSync(fileAt(video.video!.captions!.fr!).path, 'utf8')).toContain(
      'Le canal au crépuscule.',
    );
    expect(fileAt(video.video!.captions!.en!).type).toBe('text/vtt');
    expect(video.image!.formats.map((f) => f.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect([video.image!.width, video.image!.height]).toEqual([1280, 720]);
  });
});

describe('a placeholder until the picture arrives', () => {
  test('a photograph: its dominant colour and a tiny preview inlined as a data: URL (img-src data: is allowed)', async () => {
    const { placeholder } = media('media/canal-at-dusk.jpg').image!;
    expect(placeholder.color).toMatch(/^#[0-9a-f]{6}$/);
    const m = /^data:image\/webp;base64,([A-Za-z0-9+/=]+)$/.exec(placeholder.preview!);
    expect(m).not.toBeNull();
    const preview = Buffer.from(m![1]!, 'base64');
    expect(preview.length).toBeLessThan(300);
    expect(await sharp(preview).metadata()).toMatchObject({ format: 'webp', width: 16, height: 10 });
  });

  test('an SVG: its dominant colour', () => {
    expect(media('media/canal-sketch.svg').image!.placeholder).toEqual({
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
  });
});

describe('names and the cache', () => {
  test('every file is under media/, named by its content, and addressed under the base path', () => {
    expect(files.size).toBe(21 + 18 + 18 + 1 + 1 + 2);
    for (const f of files.values()) {
      expect(f.fileName).toMatch(/^media\/[a-z0-9.-]+\.[A-Za-z0-9]{10}\.(avif|webp|jpg|png|svg|webm|vtt)$/);
      expect(f.fileName).toContain(`.${contentHash(readFileSync(f.path))}.`);
    }
    expect(media('media/canal-at-dusk.jpg').image!.formats[0]!.files[0]!.url).toMatch(
      /^\/media\/canal-at-dusk-360w\./,
    );
  });

  test('the same site built for a folder of its host has the same files under that folder', async () => {
    const folder = await loadBuiltStory(DIR, process.cwd(), { base: '/grand-canal/' });
    const url = folder.story.chapters[0]!.media[0]!.image!.formats[0]!.files[0]!.url;
    expect(url).toBe(`/grand-canal${media('media/canal-at-dusk.jpg').image!.formats[0]!.files[0]!.url}`);
  });

  test('an entry is made once: the second ask reads it back without making it', async () => {
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/media-cache-`);
    const cache = new MediaCache(dir);
    let made = 0;
    const make = async () => {
      made++;
      return { result: { n: 1 }, files: new Map([['a.bin', new Uint8Array([1, 2, 3])]]) };
    };
    const key = cache.key('raster', new Uint8Array([9]));
    const first = await cache.get(key, make);
    const second = await cache.get(key, make);
    expect(made).toBe(1);
    expect(second.result).toEqual(first.result);
    expect(readFileSync(second.path('a.bin'))).toEqual(Buffer.from([1, 2, 3]));
    expect(cache.key('raster', new Uint8Array([8]))).not.toBe(key);
    expect(cache.key('svg', new Uint8Array([9]))).not.toBe(key);
  });
});
