// The committed font parts (static/fonts/) serve the default story as they are, so that a fresh
// clone builds it without the font sources. Fails when the story or the interface gains a
// character the parts lack: then `npm run build` (with Debian's fonts-noto-core and
// fonts-noto-cjk) cuts them again into static/fonts/, to be committed.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, FAMILY, FAMILY_CJK, GROUPS } from '../../../src/build/fonts/config';
import { CUTTER, missingFrom, readManifest } from '../../../src/build/fonts/cut';
import { planStoryFonts } from '../../../src/build/fonts/plugin';
import { decodeRanges, describe as hex } from '../../../src/build/fonts/text';
import { readArchiveLabels } from '../../../geo/lib/archive-read.mjs';
import { MAP_FONT_FACES } from '../../../src/lib/map/style/index';
import { STRINGS } from '../../../src/lib/ui/strings';
import { loadStory } from '../../../src/build/story/load';

/** Whether a CSS unicode-range (`U+0-2E7F, U+4E2D`) covers `cp`. */
function inRange(range: string, cp: number): boolean {
  return range.split(/,\s*/).some((r) => {
    const [a, b = a] = r
      .slice(2)
      .split('-')
      .map((h) => parseInt(h, 16));
    return cp >= a! && cp <= b!;
  });
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = `${ROOT}static/fonts`;
const manifest = readManifest(DIR)!;

describe('font subset', () => {
  it('manifest describes the committed files (not stale)', () => {
    expect(manifest.story).toBe('src/stories/liangjiang');
    expect(manifest.cutter).toBe(CUTTER);
    // A part per script the story and the interface use, in each weight, in CSS order; Noto Sans
    // Math has one weight, and its one file serves both.
    const groups = (w: string) => manifest.files.filter((f) => f.weight === w).map((f) => f.group);
    expect(groups('Regular')).toEqual(['latin', 'math', 'cjk', 'ui']);
    expect(groups('Bold')).toEqual(groups('Regular'));
    expect(new Set(manifest.files.filter((f) => f.group === 'math').map((f) => f.file)).size).toBe(1);
    for (const f of manifest.files)
      expect(f.family, f.file).toBe(['cjk', 'ui'].includes(f.group) ? FAMILY_CJK : FAMILY);
    for (const f of manifest.files) {
      const bytes = readFileSync(`${DIR}/${f.file}`);
      expect(createHash('sha256').update(bytes).digest('hex'), `${f.file} changed without its manifest`).toBe(
        f.sha256,
      );
    }
    // The map's parts (`virtual:fonts`) are this manifest's.
    for (const f of MAP_FONT_FACES)
      expect(manifest.files.map((m) => m.file)).toContain(f.url.replace('/fonts/', ''));
  });

  it('fits the 1.5 MB font budget', () => {
    const total = manifest.files.reduce((s, f) => s + statSync(`${DIR}/${f.file}`).size, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('covers every character of the story and the UI, in each weight', () => {
    const { plan } = planStoryFonts(`${ROOT}src/stories/liangjiang`, ROOT);
    // Where it is first used: the story's title, in story.yaml.
    expect(plan.used.get('两'.codePointAt(0)!)).toMatch(
      /^src\/stories\/liangjiang\/story\.yaml:\d+ \(title\.zh\)$/,
    );
    expect(
      missingFrom(manifest, plan).map(hex),
      'lacking characters: run `npm run build` and commit',
    ).toEqual([]);
  });

  it('keeps each part to its unicode-range, the Chinese one to Chinese and its punctuation', () => {
    for (const f of manifest.files) {
      const outside = [...decodeRanges(f.codepoints)].filter((c) => !inRange(f.range, c));
      expect(outside.map(hex), f.file).toEqual([]);
      const spec = GROUPS.find((g) => g.group === f.group)!;
      if (spec.range && f.group !== 'cjk') expect(f.range).toBe(spec.range);
    }
    const cjk = manifest.files.find((f) => f.group === 'cjk')!;
    // Chinese text's quotes and ellipsis come from the Chinese font (full-width), the map's from Noto Sans.
    for (const ch of '“”…') expect(inRange(cjk.range, ch.codePointAt(0)!), ch).toBe(true);
    expect(cjk.mapRange).toBe('U+2E80-10FFFF');
  });

  it('the English page needs no Chinese part: its Chinese characters are all in the small interface part', () => {
    const { story } = loadStory(`${ROOT}src/stories/liangjiang`);
    const english =
      JSON.stringify(STRINGS.en) +
      JSON.stringify(story, (k, v) => (k === 'zh' ? undefined : v)) +
      STRINGS.zh.languageName +
      STRINGS.zh.switchToLabel;
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
    const have = new Set(
      manifest.files.filter((f) => f.weight === 'Regular').flatMap((f) => [...decodeRanges(f.codepoints)]),
    );
    const missing = new Set<number>();
    for (const s of labels)
      for (const ch of s) if (!have.has(ch.codePointAt(0)!)) missing.add(ch.codePointAt(0)!);
    expect([...missing].map(hex)).toEqual([]);
  }, 60_000);
});
