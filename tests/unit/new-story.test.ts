// npm run new-story -- <id>: a minimal story that passes every check of the build (one source and
// the basemap's, one place, two chapters and the credits chapter), in English unless --languages
// names others (any the interface speaks), files that name their schema for editors, and clear
// refusals of a bad id, a language the interface does not speak, or an existing folder.
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
    // One language: English, each text one plain line.
    expect(story.languages).toEqual(['en']);
    const yaml = readFileSync(join(dir, 'story.yaml'), 'utf8');
    expect(yaml).toMatch(/^languages: \[en\]$/m);
    expect(yaml).toMatch(/^title: The title of the story$/m);
  }, 60_000);

  test('--languages writes every text in each language the interface speaks, the first the default', () => {
    const many = join(tmp, 'four');
    const res = newStory('four-languages', '--languages', 'fr,es,zh,en', '--dir', many);
    expect(res.status, res.stdout + res.stderr).toBe(0);
    const story = compileStory(readStoryFolder(many), { dir: many });
    expect(story.languages).toEqual(['fr', 'es', 'zh', 'en']);
    expect(story.title).toEqual({
      fr: 'Le titre du récit',
      es: 'El título de la historia',
      zh: '故事的标题',
      en: 'The title of the story',
    });
    expect(Object.keys(story.chapters[0]!.html)).toEqual(['fr', 'es', 'zh', 'en']);
    expect(story.places[0]!.name).toEqual({ fr: 'Xi’an', es: 'Xi’an', zh: '西安', en: "Xi'an" });
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
    const german = newStory('rhein', '--languages', 'en,de', '--dir', join(tmp, 'y'));
    expect(german.status).toBe(1);
    expect(german.stderr).toContain(
      '"de" is not a language the interface speaks: --languages takes a list such as en or en,zh, the default first, of en, zh, fr, es',
    );
    expect(existsSync(join(tmp, 'y'))).toBe(false);
  }, 60_000);
});
