// npm run new-story -- <id>: a minimal story that passes every check of the build (one source and
// the basemap's, one place, two chapters and the credits chapter), files that name their schema
// for editors, and clear refusals of a bad id or an existing folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileStory } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';

const tmp = mkdtempSync(join(tmpdir(), 'new-story-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const newStory = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('scripts/new-story.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('npm run new-story', () => {
  const dir = join(tmp, 'silk-road');

  test('writes a minimal story that compiles', () => {
    const res = newStory('silk-road', '--dir', dir);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain(`STORY_DIR=${dir} npm run build`);
    const story = compileStory(readStoryFolder(dir), { dir });
    expect(story.id).toBe('silk-road');
    expect(story.chapters.map((c) => c.id)).toEqual(['start', 'closer', 'credits']);
    expect(story.chapters.map((c) => c.credits)).toEqual([false, false, true]);
    expect(story.places.map((p) => p.id)).toEqual(['xian']);
    expect(story.sources.map((s) => s.id)).toEqual(['my-source', 'natural-earth']);
    for (const c of story.chapters) expect(c.camera.zoom, c.id).toBeLessThanOrEqual(6);
  }, 60_000);

  test('its files name their JSON Schema, and the paths resolve', () => {
    for (const name of ['story.yaml', 'chapters/01-start.md']) {
      const text = readFileSync(join(dir, name), 'utf8');
      const m = /\$schema=(\S+)/.exec(text)!;
      expect(existsSync(resolve(dirname(join(dir, name)), m[1]!)), name).toBe(true);
    }
    const places = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')) as { $schema: string };
    expect(existsSync(resolve(dir, places.$schema))).toBe(true);
  });

  test('refuses to overwrite a folder, a bad id, and no id', () => {
    const again = newStory('silk-road', '--dir', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`new-story: ${dir} already exists; choose another id or --dir`);
    const bad = newStory('Silk_Road', '--dir', join(tmp, 'x'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('the id "Silk_Road" must be lower-case letters, digits and hyphens');
    expect(existsSync(join(tmp, 'x'))).toBe(false);
    const none = newStory();
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('name the story: npm run new-story -- <id>');
  }, 60_000);
});
