// A small static server for the built site (used by scripts and benchmarks, not in production):
// correct MIME types, HTTP Range requests and gzip for text (the build's gzip copies, as
// deploy/nginx.conf sends them), so that what the bench measures is what a reader would download.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.woff2': 'font/woff2',
  '.pmtiles': 'application/vnd.pmtiles',
};

/** The site's text, sent compressed; the archive, fonts and images are binary and compressed already. The build writes a gzip copy of each such file (scripts/precompress.mjs). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg']);

/**
 * Serves `dist` on 127.0.0.1 (`port` 0: any free port) under the path `base` ('/' or a folder such
 * as '/grand-canal/', as the site was built for: `npm run build -- --base`); anything outside it is
 * not found, as on a host that serves other things beside the story.
 */
export async function serveDist(dist, port = 0, { base = '/' } = {}) {
  const root = path.resolve(dist);
  const gzipped = new Map(); // file -> { mtimeMs, body }
  // The build's own gzip copy when there is one (as nginx's gzip_static sends it), else made here.
  const gzipOf = (file) => {
    if (fs.existsSync(`${file}.gz`)) return fs.readFileSync(`${file}.gz`);
    const { mtimeMs } = fs.statSync(file);
    let hit = gzipped.get(file);
    if (!hit || hit.mtimeMs !== mtimeMs) {
      hit = { mtimeMs, body: gzipSync(fs.readFileSync(file), { level: 6 }) };
      gzipped.set(file, hit);
    }
    return hit.body;
  };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // The folder without its final slash is sent to the folder, as a static host does.
    if (base !== '/' && pathname === base.slice(0, -1))
      return res.writeHead(301, { Location: base + new URL(req.url, 'http://x').search }).end();
    if (!pathname.startsWith(base)) return res.writeHead(404).end();
    let file = path.join(root, pathname.slice(base.length - 1));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) return res.writeHead(404).end();
    const size = fs.statSync(file).size;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const m = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (m) {
      const s = +m[1];
      const e = Math.min(m[2] ? +m[2] : size - 1, size - 1);
      res.writeHead(206, {
        'Content-Type': type,
        'Content-Range': `bytes ${s}-${e}/${size}`,
        'Content-Length': e - s + 1,
      });
      fs.createReadStream(file, { start: s, end: e }).pipe(res);
    } else if (
      COMPRESSIBLE.has(path.extname(file)) &&
      /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
    ) {
      const body = gzipOf(file);
      res.writeHead(200, {
        'Content-Type': type,
        'Content-Encoding': 'gzip',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
      });
      res.end(body);
    } else {
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
      fs.createReadStream(file).pipe(res);
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
export const chromiumPath = () => {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(p) ? p : undefined;
};
