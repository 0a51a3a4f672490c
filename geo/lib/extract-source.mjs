// Reading a PMTiles archive for `npm run basemap:extract` (archive-extract.mjs): from a local file,
// or over HTTP(S) with Range requests that are retried on a network failure, with pauses that
// double, before the copy stops with one message (ExtractError).
import { existsSync, statSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FileRangeSource } from './archive-read.mjs';
import { Compression } from './pmtiles-writer.mjs';

/** A problem the person running the command can fix: its message is all they need to read. */
export class ExtractError extends Error {
  name = 'ExtractError';
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * A pmtiles `Source` reading byte ranges over HTTP(S). Network failures are retried with a pause
 * that doubles (`retryDelayMs`, 2×, 4×, …) up to `retries` times; an answer that says the address
 * is wrong (4xx), that the server ignores ranges (200), or that the archive changed on the server
 * (a new ETag) stops at once.
 */
export class HttpRangeSource {
  /**
   * @param {string} url
   * @param {{ retries?: number, retryDelayMs?: number, timeoutMs?: number, log?: (s: string) => void }} [opts]
   */
  constructor(url, { retries = 5, retryDelayMs = 1000, timeoutMs = 60_000, log = () => {} } = {}) {
    this.url = url;
    this.retries = retries;
    this.retryDelayMs = retryDelayMs;
    this.timeoutMs = timeoutMs;
    this.log = log;
    /** @type {string | undefined} */
    this.etag = undefined;
    /** @type {number | undefined} */
    this.size = undefined;
    this.bytesRead = 0;
    this.requests = 0;
    this.answered = false;
  }
  getKey() {
    return this.url;
  }
  /** @param {number} offset @param {number} length */
  async getBytes(offset, length) {
    const range = `bytes=${offset}-${offset + length - 1}`;
    let last;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) {
        const wait = this.retryDelayMs * 2 ** (attempt - 1);
        this.log(`  network error (${last}); trying again in ${(wait / 1000).toFixed(1)} s`);
        await sleep(wait);
      }
      let res;
      try {
        this.requests++;
        res = await fetch(this.url, {
          headers: { Range: range, 'Accept-Encoding': 'identity' },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        // No answer at all on first contact: a host that does not exist, or nothing listening, is a
        // wrong address, not a network hiccup. Later, the same is a network failure worth retrying.
        const code = e?.cause?.code ?? e?.cause?.message;
        const why = {
          ENOTFOUND: 'unknown host',
          ECONNREFUSED: 'the connection was refused',
          'bad port': 'a port that fetch refuses',
        }[code];
        if (why && (code === 'ENOTFOUND' || !this.answered))
          throw new ExtractError(`cannot reach ${this.url}: ${why}`);
        last = describe(e);
        continue;
      }
      if (res.status === 416 && offset > 0) return { data: new ArrayBuffer(0) };
      if (res.status >= 500 || res.status === 408 || res.status === 429) {
        await res.body?.cancel();
        last = `HTTP ${res.status}`;
        continue;
      }
      if (res.status === 200) {
        await res.body?.cancel();
        throw new ExtractError(
          `${this.url} answered a byte-range request with the whole file (HTTP 200): the server does not ` +
            'serve byte ranges, which reading a PMTiles archive needs',
        );
      }
      if (res.status !== 206) {
        await res.body?.cancel();
        throw new ExtractError(
          `${this.url}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        );
      }
      const etag = res.headers.get('etag') ?? undefined;
      if (this.etag && etag && etag !== this.etag)
        throw new ExtractError(
          `${this.url} changed on the server while it was being copied (its ETag changed): run the command again`,
        );
      this.etag ??= etag;
      const total = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1];
      if (total) this.size = Number(total);
      let body;
      try {
        body = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        last = describe(e);
        continue;
      }
      const expected = this.size === undefined ? length : Math.max(0, Math.min(length, this.size - offset));
      if (body.length !== expected) {
        last = `${body.length} of ${expected} bytes received`;
        continue;
      }
      this.bytesRead += body.length;
      this.answered = true;
      return { data: body.buffer.slice(body.byteOffset, body.byteOffset + body.length) };
    }
    throw new ExtractError(
      `the network failed while reading ${this.url} (${last}; tried ${this.retries + 1} times). ` +
        'Nothing was written: run the command again',
    );
  }
}

/** @param {unknown} e */
function describe(e) {
  if (!(e instanceof Error)) return String(e);
  const cause = /** @type {{ code?: string, message?: string } | undefined} */ (e.cause);
  if (e.name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? e.message;
}

/** Decompression for directories and metadata, in Node. */
export async function decompress(buf, compression) {
  if (compression === Compression.None || compression === Compression.Unknown) return buf;
  const bytes = Buffer.from(buf);
  let out;
  if (compression === Compression.Gzip) out = gunzipSync(bytes);
  else if (compression === Compression.Brotli) out = brotliDecompressSync(bytes);
  else
    throw new ExtractError(
      'the archive’s directories are compressed with zstd, which this command cannot read',
    );
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
}

/**
 * The source named by `from`: an http(s) URL or a local file.
 * @param {string} from
 * @param {ConstructorParameters<typeof HttpRangeSource>[1]} [opts]
 */
export function openSource(from, opts) {
  if (/^https?:\/\//i.test(from)) {
    try {
      new URL(from);
    } catch {
      throw new ExtractError(`--from ${from}: not a valid URL`);
    }
    return new HttpRangeSource(from, opts);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(from))
    throw new ExtractError(`--from ${from}: only http(s) URLs and local files can be read`);
  if (!existsSync(from) || !statSync(from).isFile())
    throw new ExtractError(`--from ${from}: no such file (give a PMTiles file or an http(s) URL)`);
  return new FileRangeSource(from);
}
