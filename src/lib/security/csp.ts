// The Content-Security-Policy of the built pages (scripts/prerender.mjs writes it into each
// page's <head>). Everything comes from our own origin; no inline script, no eval.
//  - worker-src 'self': MapLibre's worker is a file of ours (setWorkerUrl), not a blob.
//  - img-src data: blob:: MapLibre decodes images it builds itself (sprites, icons) from these.
//  - no style 'unsafe-inline': our CSS is files; Svelte and MapLibre set styles through the DOM
//    (element.style), which a policy does not govern; the prerendered markup has no style attribute.
// frame-ancestors cannot be set from a <meta> tag; deploy/nginx.conf sends it as a header.
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export function cspString(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

export const CSP: string = cspString();
