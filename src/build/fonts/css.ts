// The page's @font-face rules, generated from the manifest's list of parts (one copy of the list).
import { fontsPath } from './config.ts';
import type { FontManifest } from './cut.ts';

/**
 * One rule per part, in the manifest's order (per weight: latin, cjk, then ui, which wins); `base`
 * is the folder the parts are served from.
 */
export function fontFaceCss(files: FontManifest['files'], base = fontsPath('/')): string {
  return files
    .map((f) =>
      [
        '@font-face {',
        `  font-family: '${f.family}';`,
        `  font-weight: ${f.cssWeight};`,
        '  font-display: swap;',
        `  src: url('${base}${f.file}') format('woff2');`,
        `  unicode-range: ${f.range};`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}
