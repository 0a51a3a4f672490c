// The parts of `npm run build` that decide what reaches the output folder: the story is validated
// first (in Node, before anything is built), and the site is built into a temporary folder that
// replaces the output folder only when every step has succeeded. A failed build never leaves a
// half-built folder: the previous build stays as it was (or there is none).
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** The story built when STORY_DIR is not set: config.storyDir in package.json (vite.config.ts reads it too). */
export function defaultStoryDir() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).config.storyDir;
}

/** A build-time TypeScript module of the project, loaded through Vite's module runner: no build happens. */
const loadTs = async (path) =>
  (await runnerImport(join(root, path), { configFile: false, logLevel: 'error' })).module;

/** The story compiler. */
export async function storyLoader() {
  return loadTs('src/build/story/load.ts');
}

/** The basemap's coverage check (src/build/basemap), and the archive a story uses. */
async function coverageChecker() {
  const [{ readBasemapCoverage }, { checkCoverage }, { storyArchive }] = await Promise.all([
    loadTs('src/build/basemap/archive.ts'),
    loadTs('src/build/basemap/check-coverage.ts'),
    loadTs('src/build/basemap/story-archive.ts'),
  ]);
  return { readBasemapCoverage, checkCoverage, storyArchive };
}

/**
 * The base path the site is built for, checked before anything is built (src/build/site/base.ts,
 * which vite.config.ts applies); a base path that is not one is an error with its message.
 */
export async function checkBasePath(value) {
  const { basePath } = (
    await runnerImport(join(root, 'src/build/site/base.ts'), { configFile: false, logLevel: 'error' })
  ).module;
  return basePath(value);
}

/**
 * Validates the story folder; returns the problems as text (empty when the story is valid).
 * Anything but a story problem is thrown.
 */
export async function validateStory(storyDir) {
  const { loadBuiltStory } = await storyLoader();
  let story;
  try {
    // Its pictures and videos are read and built too (kept in the cache for the build that follows).
    ({ story } = await loadBuiltStory(resolve(storyDir), root));
  } catch (e) {
    if (e && e.name === 'StoryError') return e.message;
    throw e;
  }
  // Its fonts can be made: a character no font has stops the build here, not inside Vite.
  const { checkStoryFonts } = await loadTs('src/build/fonts/plugin.ts');
  try {
    // harfbuzzjs from here: the module runner that loaded the check is closed by now.
    await checkStoryFonts(resolve(storyDir), root, { harfbuzz: await import('harfbuzzjs') });
  } catch (e) {
    if (e && e.name === 'FontError') return `The story has 1 problem:\nfonts: ${e.message}`;
    throw e;
  }
  // Every chapter's view, at the reference screen sizes, must stay where the story's basemap (the
  // embedded archive, or the one its story.yaml names) has data at its zoom: a view past it would
  // show an empty map.
  const { readBasemapCoverage, checkCoverage, storyArchive } = await coverageChecker();
  const problems = checkCoverage(story, await readBasemapCoverage(storyArchive(resolve(storyDir))));
  if (!problems.length) return '';
  // As the story's other problems are written: a heading, then each at its file and line.
  const at = (file) => {
    if (!file) return storyDir;
    try {
      const text = readFileSync(resolve(root, file), 'utf8');
      const i = text.search(/^camera:/m);
      return `${file}:${i < 0 ? 1 : text.slice(0, i).split('\n').length}`;
    } catch {
      return file;
    }
  };
  return (
    `The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
    problems.map((p) => `${at(p.file)}: chapter "${p.chapter}", field "camera": ${p.message}`).join('\n')
  );
}

/**
 * Runs `build(tmp)` with an empty temporary folder beside `out`, then puts that folder in the place
 * of `out`. When `build` throws, the temporary folder is removed and `out` is left untouched.
 */
export async function buildAtomically(out, build) {
  const target = resolve(out);
  const tmp = join(dirname(target), `.${basename(target)}-building`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await build(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (!existsSync(tmp)) throw new Error(`the build wrote nothing into ${tmp}`);
  rmSync(target, { recursive: true, force: true });
  renameSync(tmp, target);
  return target;
}
