// Built media are kept by content under node_modules/.cache/story-media/ (as the font cutter keeps
// its cuts): the key is a hash of the source file's bytes and of everything that decides what is
// made of them (the pipeline's version, sharp's and libvips's versions, the widths, encoders and
// budgets of config.ts). The same file is never made twice, whatever it is called and whichever
// story lists it; a rebuild reads the results back.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { BUDGETS, ENCODERS, MIN_WIDTH, PIPELINE, PLACEHOLDER, layoutWidths } from './config.ts';

export const DEFAULT_CACHE = join('node_modules', '.cache', 'story-media');

const SETTINGS = JSON.stringify({
  PIPELINE,
  sharp: sharp.versions,
  widths: layoutWidths(),
  MIN_WIDTH,
  ENCODERS,
  PLACEHOLDER,
  BUDGETS,
});

export interface CacheEntry<T> {
  result: T;
  /** Where a file the entry made is. */
  path(name: string): string;
}

export class MediaCache {
  constructor(readonly dir: string) {}

  /** The key of `bytes` handled as `kind`. */
  key(kind: string, bytes: Uint8Array): string {
    return createHash('sha256').update(SETTINGS).update(kind).update(bytes).digest('hex');
  }

  /**
   * The entry at `key`, made by `make` when it is not kept yet: a JSON result and the files it
   * names. Written into a temporary folder that is renamed when complete, so that a build stopped
   * half-way never leaves half an entry.
   */
  async get<T>(
    key: string,
    make: () => Promise<{ result: T; files: Map<string, Uint8Array> }>,
  ): Promise<CacheEntry<T>> {
    const dir = join(this.dir, key.slice(0, 2), key);
    const path = (name: string) => join(dir, name);
    const manifest = join(dir, 'result.json');
    if (existsSync(manifest)) return { result: JSON.parse(readFileSync(manifest, 'utf8')) as T, path };
    const { result, files } = await make();
    const tmp = `${dir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const [name, data] of files) writeFileSync(join(tmp, name), data);
    writeFileSync(join(tmp, 'result.json'), JSON.stringify(result));
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another build made the same entry meanwhile (tests run side by side): theirs is as good.
      rmSync(tmp, { recursive: true, force: true });
      if (!existsSync(manifest)) throw e;
    }
    return { result, path };
  }
}

/** A short hash of a built file's bytes, for its content-hashed name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}
