// The font subset covers every character the story, the UI and the archive's labels use.
// Fails when a story file gains a character the subset lacks: run `npm run fonts` and commit.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  textCodePoints,
  decodeRanges,
  FONT_GROUPS,
  FONT_OUTPUTS,
  MANIFEST,
} from '../../../geo/lib/fonts.mjs';
import { readArchiveLabels } from '../../../geo/lib/archive-read.mjs';
import { FONT_FILES } from '../../../src/lib/map/style/index';
import { STRINGS } from '../../../src/lib/ui/strings';
import { loadStory } from '../../../src/build/story/load';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}static/fonts/${MANIFEST}`, 'utf8')) as {
  files: {
    file: string;
    weight: string;
    group: string;
    range: string;
    sha256: string;
    bytes: number;
    codepoints: [number, number][];
  }[];
};
const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(c)}`;

describe('font subset', () => {
  it('manifest describes the committed files (not stale)', () => {
    expect(manifest.files.map((f) => f.file).sort()).toEqual(
      FONT_OUTPUTS.map((f: { out: string }) => f.out).sort(),
    );
    for (const f of manifest.files) {
      const bytes = readFileSync(`${ROOT}static/fonts/${f.file}`);
      expect(createHash('sha256').update(bytes).digest('hex'), `${f.file} changed without its manifest`).toBe(
        f.sha256,
      );
    }
    expect(FONT_FILES.map((f) => [f.url.replace('/fonts/', ''), f.range]).sort()).toEqual(
      manifest.files.map((f) => [f.file, f.range]).sort(),
    );
  });

  it('fits the 1.5 MB font budget', () => {
    const total = manifest.files.reduce((s, f) => s + statSync(`${ROOT}static/fonts/${f.file}`).size, 0);
    expect(total).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });

  // What a weight covers: its parts together.
  const weight = (w: string) =>
    new Set(manifest.files.filter((f) => f.weight === w).flatMap((f) => [...decodeRanges(f.codepoints)]));

  it('covers every character of the story files and the UI, in each weight', () => {
    for (const w of ['Regular', 'Bold']) {
      const have = weight(w);
      const missing = [...textCodePoints(ROOT)].filter((c) => !have.has(c));
      expect(missing.map(hex), `${w} lacks characters: run \`npm run fonts\``).toEqual([]);
    }
  });

  it('keeps each part to its unicode-range', () => {
    for (const f of manifest.files) {
      const g = FONT_GROUPS.find((x: { group: string }) => x.group === f.group)!;
      const outside = [...decodeRanges(f.codepoints)].filter((c) => !g.has(c));
      expect(outside.map(hex), f.file).toEqual([]);
    }
  });

  it('the English page needs no Chinese part: its Chinese characters are all in the small interface part', () => {
    const { story } = loadStory(`${ROOT}src/stories/liangjiang`);
    const english =
      JSON.stringify(STRINGS.en) + JSON.stringify(story, (k, v) => (k === 'zh' ? undefined : v));
    const chinese = [...new Set([...english].filter((c) => c.codePointAt(0)! >= 0x2e80))];
    expect(chinese.length).toBeGreaterThan(0); // the language switch says 中文
    for (const f of manifest.files.filter((m) => m.group === 'ui')) {
      const have = decodeRanges(f.codepoints);
      expect(
        chinese.filter((c) => !have.has(c.codePointAt(0)!)),
        f.file,
      ).toEqual([]);
    }
  });

  it("covers every character of the archive's labels", async () => {
    const labels = await readArchiveLabels(`${ROOT}static/basemap.pmtiles`);
    expect(labels).toContain('重庆');
    const have = weight('Regular');
    const missing = new Set<number>();
    for (const s of labels)
      for (const ch of s) if (!have.has(ch.codePointAt(0)!)) missing.add(ch.codePointAt(0)!);
    expect([...missing].map(hex)).toEqual([]);
  }, 60_000);
});
