// A broken story file: the dev server shows a readable error (file, line, field) through Vite's
// error overlay, and a production build fails with the same message. The story is a temporary
// copy of the real one with one mistake: a zoom that is text instead of a number.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'vite';

const FILE = 'chapters/03-two-rivers.md';
let dir = '';
let line = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liangjiang-broken-story-'));
  cpSync(resolve('src/stories/liangjiang'), join(dir, 'story'), { recursive: true });
  const path = join(dir, 'story', FILE);
  const lines = readFileSync(path, 'utf8').split('\n');
  const i = lines.findIndex((l) => /^\s+zoom: /.test(l));
  expect(i, 'the chapter has a camera zoom to break').toBeGreaterThan(0);
  lines[i] = lines[i]!.replace(/zoom: .*/, 'zoom: eleven');
  line = i + 1;
  writeFileSync(path, lines.join('\n'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The message names the file and line of the mistake and the field. */
function expectReadable(message: string) {
  expect(message).toContain(`${FILE}:${line}`);
  expect(message).toMatch(/zoom/);
  expect(message).toMatch(/two-rivers/);
}

describe('a broken story file', () => {
  it('fails the production build with file, line and field', () => {
    const res = spawnSync(
      process.execPath,
      [
        resolve('node_modules/vite/bin/vite.js'),
        'build',
        '--outDir',
        join(dir, 'out'),
        '--logLevel',
        'error',
      ],
      { env: { ...process.env, STORY_DIR: join(dir, 'story') }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(res.status, res.stdout + res.stderr).not.toBe(0);
    expect(res.status).not.toBeNull();
    expectReadable(res.stdout + res.stderr);
  }, 130_000);

  it('shows a readable error in the dev server (the error overlay gets this message)', async () => {
    const previous = process.env.STORY_DIR;
    process.env.STORY_DIR = join(dir, 'story');
    const server = await createServer({
      configFile: resolve('vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0, hmr: false, ws: false, watch: null },
    });
    try {
      const error = await server.transformRequest('virtual:story').then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(error, 'the story module fails to load').not.toBeNull();
      expect(error!.name).toBe('StoryError');
      expectReadable(error!.message);
    } finally {
      await server.close();
      if (previous === undefined) delete process.env.STORY_DIR;
      else process.env.STORY_DIR = previous;
    }
  }, 60_000);
});
