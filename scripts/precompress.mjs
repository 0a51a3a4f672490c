// Writes NAME.gz beside every text file of a build: the same bytes in the gzip format, made with
// Zopfli (@gfx/zopfli), which finds a shorter encoding than zlib's best level (4–5 % on our
// scripts) at the cost of build time (a few seconds, spread over the machine's cores). A host
// that serves such files as they are (nginx `gzip_static`, deploy/nginx.conf; the bench's server,
// scripts/serve-dist.mjs) sends them instead of compressing on each request: every reader
// downloads fewer bytes, MapLibre's included. The app's code budget counts these files
// (src/build/perf/dist-sizes.ts).
import { gzipAsync } from '@gfx/zopfli';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { isMainThread, parentPort, threadId, Worker, workerData } from 'node:worker_threads';
import { COMPRESSIBLE } from './serve-dist.mjs';

/** Zopfli's passes over a file: its recommended 15, fewer over large files, where each pass takes long and gains little. */
const iterationsFor = (bytes) => (bytes > 256 * 1024 ? 5 : 15);

/**
 * The large files are the map library's, the same from one build to the next: their copies are
 * kept in node_modules/.cache/ under a hash of their bytes (about 0.4 MB a MapLibre version), so
 * that a second build, or another story's, does not compress them again (~2.5 s of CPU).
 */
const CACHE_DIR = resolve(import.meta.dirname, '../node_modules/.cache/precompress');
const CACHED_FROM = 256 * 1024;

/** Zopfli's gzip of `bytes`, from the cache when it is large (`cachedFrom` bytes) and was made before. */
async function gzipOf(bytes, cachedFrom) {
  const iterations = iterationsFor(bytes.length);
  if (bytes.length < cachedFrom) return gzipAsync(bytes, { numiterations: iterations });
  const key = createHash('sha256').update(bytes).update(`zopfli ${iterations}`).digest('hex').slice(0, 24);
  const cached = join(CACHE_DIR, `${key}.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  const gz = await gzipAsync(bytes, { numiterations: iterations });
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(`${cached}.${process.pid}-${threadId}`, gz);
    renameSync(`${cached}.${process.pid}-${threadId}`, cached);
  } catch {
    // A read-only tree: made again next time.
  }
  return gz;
}

/**
 * Writes `file.gz` beside `file` when it is smaller than the file (else removes an old one).
 * @param {string} file
 * @returns {Promise<{ raw: number, gzip: number } | null>}
 */
async function compressFile(file, cachedFrom = CACHED_FROM) {
  const bytes = readFileSync(file);
  const gz = await gzipOf(bytes, cachedFrom);
  if (gz.length >= bytes.length) {
    rmSync(`${file}.gz`, { force: true });
    return null;
  }
  writeFileSync(`${file}.gz`, gz);
  return { raw: bytes.length, gzip: gz.length };
}

// A worker of the pool below: compresses the files it is sent, one at a time.
if (!isMainThread && workerData?.precompress) {
  parentPort.on('message', async (file) =>
    parentPort.postMessage(await compressFile(file, workerData.cachedFrom)),
  );
}

/**
 * Writes `file.gz` for every text file under `dist` (the kinds serve-dist.mjs `COMPRESSIBLE`
 * names) that compresses (a copy no smaller than the file is not written), largest files first,
 * on as many threads as the machine has cores.
 * Returns what it wrote, with both sizes.
 * @param {string} dist
 * @param {{ cachedFrom?: number }} [options] the size from which a copy is cached (tests)
 * @returns {Promise<{ file: string, raw: number, gzip: number }[]>}
 */
export async function precompress(dist, { cachedFrom = CACHED_FROM } = {}) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (COMPRESSIBLE.has(extname(name))) files.push({ full, size: statSync(full).size });
    }
  };
  walk(dist);
  const queue = files.sort((a, b) => b.size - a.size).map((f) => f.full);
  const written = [];
  const threads = Math.max(1, Math.min(availableParallelism(), queue.length));
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { precompress: true, cachedFrom } });
      try {
        for (let file = queue.shift(); file; file = queue.shift()) {
          const done = new Promise((ok, fail) => {
            worker.once('message', ok);
            worker.once('error', fail);
          });
          worker.postMessage(file);
          const result = await done;
          worker.removeAllListeners('error');
          if (result) written.push({ file: relative(dist, file).split('\\').join('/'), ...result });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return written.sort((a, b) => a.file.localeCompare(b.file));
}
