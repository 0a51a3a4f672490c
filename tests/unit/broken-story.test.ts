// A broken story file: the dev server shows a readable error (file, line, field) through Vite's
// error overlay, and recovers as soon as the file is fixed; a production build fails with the
// same message. The story is a temporary copy of the engine's test story with one mistake: a zoom
// that is text instead of a number.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'vite';

const FILE = 'chapters/02-north.md';
let dir = '';
let path = '';
let good = '';
let broken = '';
let line = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'broken-story-'));
  cpSync(resolve('tests/fixtures/grand-canal'), join(dir, 'story'), { recursive: true });
  path = join(dir, 'story', FILE);
  good = readFileSync(path, 'utf8');
  const lines = good.split('\n');
  const i = lines.findIndex((l) => /zoom: [\d.]+/.test(l));
  expect(i, 'the chapter has a camera zoom to break').toBeGreaterThan(0);
  lines[i] = lines[i]!.replace(/zoom: [\d.]+/, 'zoom: eleven');
  line = i + 1;
  broken = lines.join('\n');
  writeFileSync(path, broken);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The message names the file and line of the mistake, the chapter and the field. */
function expectReadable(message: string) {
  expect(message).toContain(`${FILE}:${line}: chapter "north", field "camera.zoom": `);
}

async function until<T>(f: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
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

  it('shows a readable error in the dev server (its error overlay) and recovers when the file is fixed', async () => {
    const previous = process.env.STORY_DIR;
    process.env.STORY_DIR = join(dir, 'story');
    const server = await createServer({
      configFile: resolve('vite.config.ts'),
      logLevel: 'silent',
      server: { port: 0, hmr: false, ws: false, watch: { usePolling: true, interval: 100 } },
    });
    const load = () =>
      server.transformRequest('virtual:story').then(
        (r) => ({ code: r?.code ?? '' }),
        (e: unknown) => ({ error: e as Error }),
      );
    try {
      const failed = await load();
      expect('error' in failed, 'the story module fails to load').toBe(true);
      const error = (failed as { error: Error }).error;
      expect(error.name).toBe('StoryError');
      expectReadable(error.message);

      writeFileSync(path, good.replace('Across the Yellow River', 'Over the Yellow River'));
      const fixed = await until(async () => {
        const r = await load();
        return 'code' in r ? r.code : undefined;
      }, 'the fixed story');
      expect(fixed).toContain('Over the Yellow River');

      writeFileSync(path, broken);
      const again = await until(async () => {
        const r = await load();
        return 'error' in r ? r.error : undefined;
      }, 'the story to break again');
      expectReadable(again.message);
    } finally {
      await server.close();
      writeFileSync(path, broken);
      if (previous === undefined) delete process.env.STORY_DIR;
      else process.env.STORY_DIR = previous;
    }
  }, 90_000);
});
