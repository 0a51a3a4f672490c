// The font subset covers every character the story, the UI and the archive's labels use.
// Fails when a story file gains a character the subset lacks: run `npm run fonts` and commit.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textCodePoints, decodeRanges, FONT_SOURCES, MANIFEST } from '../../../geo/lib/fonts.mjs';
import { readArchiveLabels } from '../../../geo/lib/archive-read.mjs';
import { FONT_FILES } from '../../../src/lib/map/style/index';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}static/fonts/${MANIFEST}`, 'utf8')) as {
  files: { file: string; sha256: string; bytes: number; codepoints: [number, number][] }[];
};
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(c)}`;

describe('font subset', () => {
  it('manifest describes the committed files (not stale)', () => {
    expect(manifest.files.map((f) => f.file).sort()).toEqual(
      FONT_SOURCES.map((f: { out: string }) => f.out).sort(),
    );
    for (const f of manifest.files) {
      const bytes = readFileSync(`${ROOT}static/fonts/${f.file}`);
      expect(createHash('sha256').update(bytes).digest('hex'), `${f.file} changed without its manifest`).toBe(
        f.sha256,
      );
    }
    expect(FONT_FILES.map((f) => f.url.replace('/fonts/', '')).sort()).toEqual(
      manifest.files.map((f) => f.file).sort(),
    );
  });

  it('fits the 1.5 MB font budget', () => {
    const total = manifest.files.reduce((s, f) => s + statSync(`${ROOT}static/fonts/${f.file}`).size, 0);
    expect(total).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  it('covers every character of the story files and the UI', () => {
    for (const f of manifest.files) {
      const have = decodeRanges(f.codepoints);
      const missing = [...textCodePoints(ROOT)].filter((c) => !have.has(c));
      expect(missing.map(hex), `${f.file} lacks characters: run \`npm run fonts\``).toEqual([]);
    }
  });

  it("covers every character of the archive's labels", async () => {
    const labels = await readArchiveLabels(`${ROOT}static/basemap.pmtiles`);
    expect(labels).toContain('重庆');
    const have = decodeRanges(manifest.files[0]!.codepoints);
    const missing = new Set<number>();
    for (const s of labels)
      for (const ch of s) if (!have.has(ch.codePointAt(0)!)) missing.add(ch.codePointAt(0)!);
    expect([...missing].map(hex)).toEqual([]);
  }, 60_000);
});
