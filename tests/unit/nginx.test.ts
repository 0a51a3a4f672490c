// deploy/nginx.conf, exercised: nginx serves the built site with it on a loopback port, and the
// answers have the right MIME types, byte ranges for the archive, and cache headers.
// Needs nginx (.ci/run installs it). Without nginx this is skipped, except in CI, where it fails.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const dist = resolve('dist');
const runnable = !!nginx && existsSync(join(dist, 'index.html'));
if (!runnable && !process.env.CI)
  console.warn(
    'nginx.test: skipped — ' +
      (nginx
        ? 'no build in dist/ (run npm run build)'
        : 'nginx is not installed (apt-get install nginx-light)'),
  );

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** The example, made to listen on `port` and serve `root`; nothing else changes. */
function templateConfig(example: string, port: number, root: string): string {
  const out = example
    .replace(/^\s*listen \[::\]:80;\n/m, '')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www\/liangjiang;/, `root ${root};`);
  if (!out.includes(`listen 127.0.0.1:${port};`) || !out.includes(`root ${root};`))
    throw new Error('deploy/nginx.conf no longer has the listen/root lines this test replaces');
  return out;
}

describe.runIf(runnable || !!process.env.CI)('deploy/nginx.conf serving dist/', () => {
  let dir = '';
  let origin = '';
  let proc: ChildProcess | undefined;
  const asset = (re: RegExp) => {
    const f = readdirSync(join(dist, 'assets')).find((n) => re.test(n));
    if (!f) throw new Error(`no ${re} in dist/assets`);
    return `/assets/${f}`;
  };
  /** A built picture of the story (the Liangjiang story's are SVG illustrations). */
  const picture = (re: RegExp) => {
    const f = readdirSync(join(dist, 'media')).find((n) => re.test(n));
    if (!f) throw new Error(`no ${re} in dist/media`);
    return `/media/${f}`;
  };

  beforeAll(async () => {
    expect(nginx, 'nginx must be installed in CI (.ci/run installs nginx-light)').toBeDefined();
    dir = mkdtempSync(join(tmpdir(), 'liangjiang-nginx-'));
    const port = await freePort();
    writeFileSync(
      join(dir, 'site.conf'),
      templateConfig(readFileSync('deploy/nginx.conf', 'utf8'), port, dist),
    );
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((t) => `${t}_temp_path ${join(dir, t)};`)
      .join('\n    ');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
    access_log off;
    ${temp}
    include ${join(dir, 'site.conf')};
}
`,
    );
    const test = spawnSync(nginx!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(test.status, `nginx -t: ${test.stderr}`).toBe(0);
    expect(test.stderr, 'the example loads without warnings').not.toMatch(/\[warn\]|\[emerg\]/);
    proc = spawn(nginx!, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(origin + '/');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
  });

  afterAll(() => {
    proc?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(origin + path, { headers });

  it('serves every kind of file with its MIME type', async () => {
    const cases: [string, RegExp][] = [
      ['/', /^text\/html/],
      ['/zh/', /^text\/html/],
      [asset(/^index-.*\.js$/), /^(?:text|application)\/javascript/],
      [asset(/^maplibre-gl-worker-.*\.mjs$/), /^(?:text|application)\/javascript/],
      [asset(/\.css$/), /^text\/css/],
      ['/basemap.pmtiles', /^application\/vnd\.pmtiles$/],
      ['/manifest.webmanifest', /^application\/manifest\+json/],
      ['/favicon.svg', /^image\/svg\+xml/],
      [picture(/\.svg$/), /^image\/svg\+xml/],
      ['/og-image.png', /^image\/png$/],
      [`/fonts/${readdirSync(join(dist, 'fonts')).find((f) => f.endsWith('.woff2'))}`, /^font\/woff2$/],
    ];
    for (const [path, type] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      await res.arrayBuffer();
    }
    expect((await get('/no-such-page')).status).toBe(404);
  });

  it('answers byte ranges of the archive with 206, uncompressed, as the pmtiles reader needs', async () => {
    const whole = readFileSync(join(dist, 'basemap.pmtiles'));
    const res = await get('/basemap.pmtiles', { Range: 'bytes=0-126', 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-126/${whole.length}`);
    expect(res.headers.get('content-encoding')).toBeNull();
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(127);
    expect(body.equals(whole.subarray(0, 127))).toBe(true);
    expect(body.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    const mid = await get('/basemap.pmtiles', { Range: 'bytes=1000-1999' });
    expect(mid.status).toBe(206);
    expect(Buffer.from(await mid.arrayBuffer()).equals(whole.subarray(1000, 2000))).toBe(true);
  });

  it('caches hashed assets and pictures for a year and revalidates pages, the archive, fonts and the service worker', async () => {
    for (const path of [
      asset(/^index-.*\.js$/),
      asset(/\.css$/),
      asset(/^maplibre-gl-worker-.*\.mjs$/),
      picture(/\.svg$/),
    ]) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    const font = `/fonts/${readdirSync(join(dist, 'fonts')).find((f) => f.endsWith('.woff2'))}`;
    for (const path of ['/', '/zh/', '/basemap.pmtiles', font, '/manifest.webmanifest', '/sw.js']) {
      const res = await get(path);
      // sw.js exists once the offline mode is merged; its header must be right either way.
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    // Revalidation costs a 304, not the archive again.
    const first = await get('/basemap.pmtiles', { Range: 'bytes=0-15' });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await get('/basemap.pmtiles', { 'If-None-Match': etag! })).status).toBe(304);
  });

  it('compresses text but not the archive', async () => {
    const js = await get(asset(/^index-.*\.js$/), { 'Accept-Encoding': 'gzip' });
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const archive = await get('/basemap.pmtiles', { 'Accept-Encoding': 'gzip' });
    expect(archive.headers.get('content-encoding')).toBeNull();
  });

  it("sends the build's gzip copy of a text file as it is, and the file itself to a client without gzip", async () => {
    for (const path of [asset(/^index-.*\.js$/), asset(/^maplibre-gl-worker-.*\.mjs$/), '/zh/']) {
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      const res = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(res.headers.get('content-encoding'), path).toBe('gzip');
      // The bytes on the wire are the copy's (fetch decodes them: the text is the file's).
      expect(Number(res.headers.get('content-length')), path).toBe(readFileSync(`${file}.gz`).length);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(file)), path).toBe(true);
      const plain = await get(path, { 'Accept-Encoding': 'identity' });
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer()).equals(readFileSync(file)), path).toBe(true);
    }
  });
});
