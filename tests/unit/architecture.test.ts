// The folder layout is the architecture: story → state → drivers → views, build apart from browser.
// These checks keep it so as the code changes.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'stories' ? [] : files(full);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every project file a file imports (static, dynamic and type-only), resolved. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return specs.flatMap((spec) => {
    const base = resolve(dirname(file), spec.replace(/\?.*$/, ''));
    const found = [base, `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')].find(
      (p) => existsSync(p) && statSync(p).isFile(),
    );
    return found ? [found] : [];
  });
}

const graph = new Map(files(SRC).map((f) => [f, imports(f)]));
const rel = (f: string) => relative(process.cwd(), f);

describe('the architecture', () => {
  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps the shared library free of the modes: src/lib never imports src/modes', () => {
    const wrong = [...graph].flatMap(([f, deps]) =>
      rel(f).startsWith('src/lib/')
        ? deps.filter((d) => rel(d).startsWith('src/modes/')).map((d) => `${rel(f)} → ${rel(d)}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it('keeps build-time code out of the browser: nothing the page loads imports src/build', () => {
    const browser = (f: string) => !rel(f).startsWith('src/build/') && rel(f) !== 'src/entry-server.ts';
    const wrong = [...graph].flatMap(([f, deps]) =>
      browser(f)
        ? deps.filter((d) => rel(d).startsWith('src/build/')).map((d) => `${rel(f)} → ${rel(d)}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });

  it('lets only the map pane drive the map view', () => {
    // A value import (static or dynamic) of the view; type-only imports only name it.
    const drives = (text: string) =>
      /import\s*\(\s*['"][./]*map-view['"]/.test(text) ||
      /import\s+(?!type\b)[^;]*from\s+['"][./]*map-view['"]/.test(text);
    const drivers = [...graph.keys()].map(rel).filter((f) => drives(readFileSync(f, 'utf8')));
    expect(drivers).toEqual(['src/lib/map/MapPane.svelte']);
  });
});
