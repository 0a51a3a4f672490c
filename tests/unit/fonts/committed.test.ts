// The committed font parts (static/fonts/) serve the default story as they are, so that a fresh
// clone builds it without the font sources. Fails when the story or the interface gains a
// character the parts lack: then `npm run build` (with Debian's fonts-noto-cjk) cuts them again
// into static/fonts/, to be committed.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUDGET_BYTES, FONT_SOURCES, GROUPS, fontFileName, inGroup } from '../../../src/build/fonts/config';
import { missingFrom, readManifest } from '../../../src/build/fonts/cut';
import { planStoryFonts } from '../../../src/build/fonts/plugin';
import { decodeRanges, describe as hex } from '../../../src/build/fonts/text';
import { readArchiveLabels } from '../../../geo/lib/archive-read.mjs';
import { FONT_FILES } from '../../../src/lib/map/style/index';
import { STRINGS } from '../../../src/lib/ui/strings';
import { loadStory } from '../../../src/build/story/load';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = `${ROOT}static/fonts`;
const manifest = readManifest(DIR)!;

describe('font subset', () => {
  it('manifest describes the committed files (not stale)', () => {
    expect(manifest.story).toBe('src/stories/liangjiang');
    expect(manifest.files.map((f) => f.file).sort()).toEqual(
      FONT_SOURCES.flatMap((s) => GROUPS.map((g) => fontFileName(s.weight, g.group))).sort(),
    );
    for (const f of manifest.files) {
      const bytes = readFileSync(`${DIR}/${f.file}`);
      expect(createHash('sha256').update(bytes).digest('hex'), `${f.file} changed without its manifest`).toBe(
        f.sha256,
      );
    }
    // The app's list of parts (`virtual:fonts`) is this manifest's.
    expect(FONT_FILES.map((f) => [f.url.replace('/fonts/', ''), f.range])).toEqual(
      manifest.files.map((f) => [f.file, f.range]),
    );
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

  it('keeps each part to its unicode-range', () => {
    for (const f of manifest.files) {
      const ui = f.group === 'ui' ? new Set(f.range.split(', ').map((r) => parseInt(r.slice(2), 16))) : null;
      const outside = [...decodeRanges(f.codepoints)].filter((c) => (ui ? !ui.has(c) : !inGroup(f.group, c)));
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
    const have = new Set(
      manifest.files.filter((f) => f.weight === 'Regular').flatMap((f) => [...decodeRanges(f.codepoints)]),
    );
    const missing = new Set<number>();
    for (const s of labels)
      for (const ch of s) if (!have.has(ch.codePointAt(0)!)) missing.add(ch.codePointAt(0)!);
    expect([...missing].map(hex)).toEqual([]);
  }, 60_000);
});
