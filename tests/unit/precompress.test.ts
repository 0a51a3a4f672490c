// The build's gzip copies (scripts/precompress.mjs): what a host sends instead of the file.
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { precompress } from '../../scripts/precompress.mjs';

/** Text that compresses the way a script does: repeated words with varying numbers. */
const script = Array.from(
  { length: 400 },
  (_, i) => `export function f${i}(a,b){return a*${i % 17}+b.map(x=>x+${i}).join(\`,\`)}`,
).join(';');

describe('gzip copies of the built text files', () => {
  test('every text file gets a copy that decodes to it and is no larger than zlib at its best; binary files none', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'zh'));
    const text = {
      'assets/index-abc.js': script,
      'assets/maplibre-gl-worker-abc.mjs': script.repeat(2),
      'assets/index-abc.css': `.a{color:red}`.repeat(200),
      'zh/index.html': `<p>两江新区</p>`.repeat(300),
      'manifest.webmanifest': JSON.stringify({ name: 'x'.repeat(300) }),
    };
    for (const [f, body] of Object.entries(text)) writeFileSync(join(dist, f), body);
    writeFileSync(join(dist, 'basemap.pmtiles'), script);
    writeFileSync(join(dist, 'og-image.png'), script);

    // Copies of files from 10 KB on (in a build, the map library's) are kept in a cache.
    const cachedFrom = 10 * 1024;
    expect(text['assets/maplibre-gl-worker-abc.mjs'].length).toBeGreaterThan(cachedFrom);
    const written = await precompress(dist, { cachedFrom });
    expect(written.map((w) => w.file).sort()).toEqual(Object.keys(text).sort());
    for (const f of Object.keys(text)) {
      const file = readFileSync(join(dist, f));
      const gz = readFileSync(join(dist, `${f}.gz`));
      expect(gunzipSync(gz).equals(file), f).toBe(true);
      expect(gz.length, f).toBeLessThanOrEqual(gzipSync(file, { level: 9 }).length);
      expect(written.find((w) => w.file === f)).toEqual({ file: f, raw: file.length, gzip: gz.length });
    }
    // A second build of the same files writes the same copies (the large one from the cache).
    const copies = Object.keys(text).map((f) => readFileSync(join(dist, `${f}.gz`)));
    expect(await precompress(dist, { cachedFrom })).toEqual(written);
    Object.keys(text).forEach((f, i) =>
      expect(readFileSync(join(dist, `${f}.gz`)).equals(copies[i]!), f).toBe(true),
    );
    // The archive is read in byte ranges and pictures are compressed already.
    expect(existsSync(join(dist, 'basemap.pmtiles.gz'))).toBe(false);
    expect(existsSync(join(dist, 'og-image.png.gz'))).toBe(false);
  });

  test('a file that does not get smaller has no copy (an old one is removed)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'precompress-'));
    writeFileSync(join(dist, 'a.js'), 'x');
    writeFileSync(join(dist, 'a.js.gz'), 'stale');
    expect(await precompress(dist)).toEqual([]);
    expect(existsSync(join(dist, 'a.js.gz'))).toBe(false);
  });
});
