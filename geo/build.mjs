#!/usr/bin/env node
// The basemap pipeline: `npm run geo` (all stages) or `node geo/build.mjs <stage…>`.
// (The fonts are cut by the app's build for the story's characters: src/build/fonts.)
//   extract — GMT reads GSHHG (rivers, lakes) and DCW (provinces)   → geo/.cache/extract, geo/data
//   tiles   — layers + slicing + PMTiles writer                      → the embedded archive (static/basemap.pmtiles,
//             src/lib/basemap-archive.js) with what the story asks for (its basemap.yaml: name,
//             centre, corrections, river areas; the story folder is $STORY_DIR, as for the app's build)
// Stages after `extract` are deterministic: same input → same bytes.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExtractTools, report } from './lib/check.mjs';
import { COVERAGE, MAXZOOM } from './lib/config.mjs';
import { readStoryBasemap, correctionsMetadata, riverAreasMetadata } from './lib/story-basemap.mjs';
import { EMBEDDED_ARCHIVE } from '../src/lib/basemap-archive.js';

const GEO = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(GEO);
const STORY_DIR = resolve(ROOT, process.env.STORY_DIR ?? 'src/stories/liangjiang');
export const PATHS = {
  cache: join(GEO, '.cache', 'extract'),
  data: join(GEO, 'data'),
  archive: join(ROOT, EMBEDDED_ARCHIVE),
};

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;

async function stageExtract() {
  console.log('extract');
  if (!report('  tools for extraction', checkExtractTools())) {
    if (existsSync(join(PATHS.cache, 'rivers.geojson'))) {
      console.log('  → GMT data missing; using the extract already in geo/.cache/extract');
      return;
    }
    throw new Error(
      'cannot extract: install the missing Debian packages listed above (as root), then run `npm run geo` again',
    );
  }
  const { extractAll } = await import('./lib/extract.mjs');
  extractAll({ cacheDir: PATHS.cache, dataDir: PATHS.data });
}

export async function loadInputs() {
  const { parseCities } = await import('./lib/layers/index.mjs');
  for (const f of ['rivers.geojson', 'lakes.geojson']) {
    if (!existsSync(join(PATHS.cache, f)))
      throw new Error(
        `missing ${join(PATHS.cache, f)}: run \`node geo/build.mjs extract\` first (needs gmt)`,
      );
  }
  return {
    rivers: readJson(join(PATHS.cache, 'rivers.geojson')),
    lakes: readJson(join(PATHS.cache, 'lakes.geojson')),
    provinces: readJson(join(PATHS.data, 'cn-provinces.geojson')),
    cities: parseCities(readFileSync(join(PATHS.data, 'cities.tsv'), 'utf8')),
  };
}

async function stageTiles() {
  console.log('tiles');
  const { buildLayers } = await import('./lib/layers/index.mjs');
  const { applyCorrections, describeCorrections } = await import('./lib/corrections.mjs');
  const { buildArchive } = await import('./lib/tiles.mjs');
  const story = readStoryBasemap(STORY_DIR, ROOT);
  const input = await loadInputs();
  const { rivers, report: corr } = applyCorrections(input.rivers, story.corrections);
  for (const c of story.corrections) console.log(`  corrections from ${c.file}`);
  for (const line of describeCorrections(corr)) console.log(`    ${line}`);
  for (const a of story.riverAreas)
    console.log(
      `  ${a.river} drawn ${a.width_m} m wide within ${a.within.join(',')} from zoom ${a.min_zoom}`,
    );
  const layers = buildLayers({ ...input, rivers, riverAreas: story.riverAreas });
  const bytes = buildArchive({
    layers,
    coverage: COVERAGE,
    maxzoom: MAXZOOM,
    bounds: [-180, -85, 180, 85],
    center: story.center,
    metadata: {
      name: story.name,
      format: 'pbf',
      type: 'baselayer',
      schema: 'protomaps-v4-subset',
      attribution:
        'GSHHG 2.3.7 (LGPL), DCW for GMT 2.1.1 (LGPL), Natural Earth via world-atlas (public domain)',
      coverage: COVERAGE,
      ...correctionsMetadata(story.corrections),
      ...riverAreasMetadata(story.riverAreas),
    },
    log: console.log,
  });
  const archive = PATHS.archive;
  mkdirSync(dirname(archive), { recursive: true });
  writeFileSync(archive, bytes);
  console.log(`  wrote ${archive} (${mb(bytes.length)})`);
  if (bytes.length > 15 * 1048576) throw new Error('archive exceeds the 15 MB budget');
}

const STAGES = { extract: stageExtract, tiles: stageTiles };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2);
  const run = wanted.length ? wanted : Object.keys(STAGES);
  for (const s of run) {
    if (!STAGES[s]) {
      console.error(`unknown stage ${s}; stages: ${Object.keys(STAGES).join(', ')}`);
      process.exit(2);
    }
  }
  try {
    for (const s of run) {
      const t = Date.now();
      await STAGES[s]();
      console.log(`  (${s}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
  } catch (e) {
    console.error(`\ngeo: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
