// The path the built site is served under: '/' (the host's root, the default) or a folder such as
// '/grand-canal/', so that several stories can share one host, each under its own path. Read once,
// from BASE_PATH (`npm run build -- --base /grand-canal/` sets it), by vite.config.ts, which gives
// it to Vite as `base`; the build's plugins read Vite's resolved `config.base`, the browser code
// `import.meta.env.BASE_URL` (src/lib/site-base.ts).

export class BasePathError extends Error {}

/** `value` as a base path: '/' when empty; a leading and a trailing slash; only plain folder names. */
export function basePath(value: string | undefined): string {
  const v = value?.trim();
  if (!v || v === '/') return '/';
  // One leading slash ('//x/' would be another host), one optional final slash, no empty folder.
  const segments = v.slice(1).replace(/\/$/, '').split('/');
  if (!v.startsWith('/') || segments.some((s) => !/^[A-Za-z0-9][A-Za-z0-9._~-]*$/.test(s)))
    throw new BasePathError(
      `the base path must be a path on the host such as /grand-canal/ (folder names of letters, ` +
        `digits, ".", "_", "~" and "-"), not "${v}"`,
    );
  return `/${segments.join('/')}/`;
}
