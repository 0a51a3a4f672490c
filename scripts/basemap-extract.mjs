// npm run basemap:extract -- --from <PMTiles URL or file> --bbox <w,s,e,n> --maxzoom <z> --out <story folder>/basemap.pmtiles
//
// Copies the tiles inside a box, up to a zoom, from any PMTiles v3 archive (a public Protomaps
// daily build read over HTTP Range requests, or a local file) into a new archive, written with
// this project's PMTiles writer, and prints its size. `--bbox story` takes the box from the
// chapters of the story in --story <folder> (default: the folder --out is in): each chapter's view
// at the reference screen sizes, joined, plus a margin. A network failure is retried with growing
// pauses, then stops the copy with one message; the new archive is written to a temporary file and
// renamed at the end, so no half-written file is ever left. See geo/lib/archive-extract.mjs.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ExtractError, extractArchive, parseBbox } from '../geo/lib/archive-extract.mjs';

const root = resolve(import.meta.dirname, '..');
const USAGE = `usage: npm run basemap:extract -- --from <PMTiles URL or file> --bbox <west,south,east,north | story> --maxzoom <zoom> --out <story folder>/basemap.pmtiles [--story <story folder>]`;

/** A path as the user would type it: relative to the current folder when inside it. */
const shown = (p) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
const fail = (message) => {
  console.error(`basemap:extract: ${message}`);
  process.exit(1);
};

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      from: { type: 'string' },
      bbox: { type: 'string' },
      story: { type: 'string' },
      maxzoom: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${e.message.replace(/\. To specify a positional argument.*$/, '')}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const name of ['from', 'bbox', 'maxzoom', 'out'])
  if (!args[name]) fail(`--${name} is missing\n${USAGE}`);
if (!/^\d+$/.test(args.maxzoom)) fail(`--maxzoom ${args.maxzoom}: expected a whole number, such as 14`);

// Stopped by the user: the archive is written in one piece at the very end, so there is nothing
// half-written to remove; say so.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    console.error(`\nbasemap:extract: stopped; ${args.out} was not written`);
    process.exit(130);
  });

try {
  let bbox;
  if (args.bbox === 'story') {
    const storyDir = resolve(args.story ?? dirname(args.out));
    if (!existsSync(resolve(storyDir, 'chapters')))
      fail(
        `--bbox story: ${relative(root, storyDir) || '.'} is not a story folder (no chapters/); name it with --story`,
      );
    // The story's chapters are read by the build's own TypeScript modules, through Vite's runner.
    const { runnerImport } = await import('vite');
    const { storyBox } = (
      await runnerImport(resolve(root, 'src/build/basemap/story-box.ts'), {
        configFile: false,
        logLevel: 'error',
      })
    ).module;
    let box;
    try {
      box = storyBox(storyDir);
    } catch (e) {
      fail(`--bbox story: ${e.message}`);
    }
    bbox = box.bbox;
    const widest = box.chapters.reduce((a, c) =>
      (c.bbox[2] - c.bbox[0]) * (c.bbox[3] - c.bbox[1]) > (a.bbox[2] - a.bbox[0]) * (a.bbox[3] - a.bbox[1])
        ? c
        : a,
    );
    console.log(
      `the story's chapters show ${bbox.join(',')} (${box.chapters.length} chapters at the reference screens, ` +
        `plus a margin; the widest view is chapter "${widest.id}" at zoom ${widest.zoom})`,
    );
  } else bbox = parseBbox(args.bbox);

  const result = await extractArchive({
    from: args.from,
    bbox,
    maxzoom: Number(args.maxzoom),
    out: args.out,
    log: (s) => console.log(s),
  });
  const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
  console.log(
    `changed in the header and metadata: ${result.changes.join('; ')} (attribution and the rest kept)`,
  );
  if (result.read) console.log(`read ${mb(result.read.bytes)} in ${result.read.requests} requests`);
  console.log(
    `wrote ${shown(result.out)}: ${mb(result.size)}, ${result.tiles.toLocaleString('en')} tiles, ` +
      `zoom ${result.minZoom}–${result.maxZoom}, bounds ${result.bounds.map((v) => +v.toFixed(5)).join(',')}`,
  );
  const kind = ['roads', 'buildings'].every((l) => result.layers.includes(l)) ? 'protomaps' : undefined;
  if (kind)
    console.log(
      `to use it, name it in the story's story.yaml: basemap: { archive: ${relative(dirname(result.out), result.out)}, kind: ${kind} }`,
    );
} catch (e) {
  if (!(e instanceof ExtractError)) throw e;
  fail(
    args.bbox === 'story' && /tiles up to zoom/.test(e.message)
      ? `${e.message} (the box is that of every chapter's view: a story whose chapters also show the wide world needs a lower --maxzoom, or a --bbox of its own)`
      : e.message,
  );
}
