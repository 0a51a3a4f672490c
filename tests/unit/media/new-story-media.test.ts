// `npm run new-story` writes a commented example of a chapter's pictures: uncommented, with a
// picture put where it says, the story builds, and the picture is credited to the source it names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, test } from 'vitest';
import { loadBuiltStory } from '../../../src/build/story/load';

const tmp = mkdtempSync(join(tmpdir(), 'new-story-media-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("new-story's commented media example builds once uncommented, with the picture in place", async () => {
  const dir = join(tmp, 'tea-road');
  const res = spawnSync(process.execPath, [resolve('scripts/new-story.mjs'), 'tea-road', '--dir', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status, res.stderr).toBe(0);
  const chapter = join(dir, 'chapters/01-start.md');
  const text = readFileSync(chapter, 'utf8');
  const example = text.split('\n').filter((l) => /^# (media:| {2})/.test(l));
  expect(example[0]).toBe('# media:');
  writeFileSync(
    chapter,
    text.replace(/^# (media:| {2})/gm, (_, rest: string) => rest),
  );
  mkdirSync(join(dir, 'media'));
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c2410c' } })
    .jpeg()
    .toFile(join(dir, 'media/bell-tower.jpg'));
  const { story } = await loadBuiltStory(dir, tmp);
  const [picture] = story.chapters[0]!.media;
  expect(picture).toMatchObject({
    kind: 'photo',
    place: 'xian',
    source: 'my-source',
    credit: { publisher: 'Who published it' },
  });
  expect(picture!.image!.width).toBe(1200);
}, 120_000);
