// The service worker is generated at build time with the list of every built file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { precacheList, writeServiceWorker } from '../../scripts/service-worker.mjs';

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const f of [
    'index.html',
    'zh/index.html',
    'assets/index-abc123.js',
    'assets/index-abc123.js.map',
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
  test('precaches every built file once, pages by their address, not itself nor source maps', () => {
    const urls = precacheList(fakeDist())
      .map((e) => e.url)
      .sort();
    expect(urls).toEqual(['/', '/assets/index-abc123.js', '/basemap.pmtiles', '/fonts/a.woff2', '/zh/']);
  });

  test('writes dist/sw.js with the list and a version that changes with the contents', () => {
    const dist = fakeDist();
    const a = writeServiceWorker(dist);
    const source = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(source).toContain('/basemap.pmtiles');
    expect(source).toContain(a.version);
    expect(source).not.toContain('__PRECACHE__');
    writeFileSync(join(dist, 'basemap.pmtiles'), 'changed');
    const b = writeServiceWorker(dist);
    expect(b.version).not.toBe(a.version);
  });
});
