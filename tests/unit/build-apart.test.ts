// Build-time code (src/build: the story compiler, the Vite plugins, the locator builder, the
// budgets) runs in Node; browser code (src/lib, src/modes) must never import it, so that nothing
// built for Node can reach the page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|svelte|js)$/.test(name) ? [full] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('build code apart from browser code', () => {
  test('no browser file imports from src/build', () => {
    const offenders: string[] = [];
    for (const dir of ['src/lib', 'src/modes'])
      for (const f of files(dir)) {
        for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
          const spec = m[1] ?? m[2]!;
          if (/(^|\/)build\//.test(spec)) offenders.push(`${f} imports ${spec}`);
        }
      }
    expect(offenders).toEqual([]);
  });

  test('build code uses Node or Vite, and lives in src/build', () => {
    const nodeOnly = files('src/lib').filter((f) =>
      /from ['"](?:node:[a-z]+|vite|yaml|zod|markdown-it)['"]/.test(readFileSync(f, 'utf8')),
    );
    expect(nodeOnly).toEqual([]);
  });
});
