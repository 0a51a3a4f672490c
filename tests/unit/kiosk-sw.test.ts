// The service worker is generated at build time with the list of every built file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cachePrefix, precacheList, writeServiceWorker } from '../../scripts/service-worker.mjs';

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const f of [
    'index.html',
    'zh/index.html',
    'assets/index-abc123.js',
    'assets/index-abc123.js.map',
    'assets/index-abc123.js.gz',
    'basemap.pmtiles',
    'fonts/a.woff2',
    'sw.js',
  ]) {
    mkdirSync(join(dist, f, '..'), { recursive: true });
    writeFileSync(join(dist, f), f);
  }
  return dist;
}

describe('service worker build step', () => {
  test('precaches every built file once, pages by their address, not itself, source maps nor gzip copies', () => {
    const urls = precacheList(fakeDist())
      .map((e) => e.url)
      .sort();
    expect(urls).toEqual(['/', '/assets/index-abc123.js', '/basemap.pmtiles', '/fonts/a.woff2', '/zh/']);
  });

  test('writes dist/sw.js with the list and a version that changes with the contents', () => {
    const dist = fakeDist();
    const a = writeServiceWorker(dist, 'river-town');
    const source = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(source).toContain('/basemap.pmtiles');
    expect(source).toContain(a.version);
    expect(source).not.toContain('__PRECACHE__');
    writeFileSync(join(dist, 'basemap.pmtiles'), 'changed');
    const b = writeServiceWorker(dist, 'river-town');
    expect(b.version).not.toBe(a.version);
  });

  test("names its caches after the story's id and deletes only that story's older caches", () => {
    const dist = fakeDist();
    writeServiceWorker(dist, 'river-town');
    const source = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(cachePrefix('river-town')).toBe('river-town-story-');
    expect(source).toContain('river-town-story-');
    expect(source).not.toContain('__CACHE_PREFIX__');
    writeServiceWorker(dist, 'harbour-walk');
    const other = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(other).toContain('harbour-walk-story-');
    expect(other).not.toContain('river-town');
    expect(() => writeServiceWorker(dist, 'Bad Id')).toThrow(/invalid story id/);
  });
});
