// The page's @font-face rules, generated from the manifest's list of parts (one copy of the list).
import type { FontManifest } from './cut.ts';

/** One rule per part, in the manifest's order (per weight: latin, cjk, then ui, which wins). */
export function fontFaceCss(files: FontManifest['files'], base = '/fonts/'): string {
  return files
    .map((f) =>
      [
        '@font-face {',
        `  font-family: '${f.family}';`,
        '  font-style: normal;',
        `  font-weight: ${f.cssWeight};`,
        '  font-display: swap;',
        `  src: url('${base}${f.file}') format('woff2');`,
        `  unicode-range: ${f.range};`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}
