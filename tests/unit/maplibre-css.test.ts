// MapLibre's stylesheet is built trimmed to what the app's map makes (src/build/maplibre/css.ts).
// These tests keep that true: what the map and its attribution control need stays, and if the
// browser code ever creates a part whose rules were left out, the second test says which.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimMaplibreCss, UNUSED_PARTS } from '../../src/build/maplibre/css';

const full = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
const trimmed = trimMaplibreCss(full);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

describe("MapLibre's stylesheet, trimmed", () => {
  it('keeps the rules of the map, its controls corner and the attribution control', () => {
    for (const rule of [
      '.maplibregl-map{',
      '.maplibregl-canvas{',
      '.maplibregl-canvas-container.maplibregl-interactive{',
      '.maplibregl-ctrl-bottom-right{',
      '.maplibregl-ctrl.maplibregl-ctrl-attrib{',
      '.maplibregl-ctrl-attrib.maplibregl-compact{',
      '.maplibregl-ctrl-attrib-button{',
      '.maplibregl-boxzoom{',
    ])
      expect(trimmed, rule).toContain(rule);
    // The attribution button's icon, and its high-contrast variants.
    expect(trimmed.match(/ctrl-attrib[^{]*\{[^}]*data:image\/svg\+xml/g)?.length).toBeGreaterThanOrEqual(2);
    expect(trimmed).toMatch(/@media screen and \(forced-colors: ?active\)/);
  });

  it('leaves out only parts the browser code never creates', () => {
    for (const part of UNUSED_PARTS) expect(trimmed).not.toContain(`maplibregl-${part}`);
    expect(trimmed.length).toBeLessThan(full.length / 5);
    // The app's map makes no control but the attribution, no popup or marker, no logo and no
    // cooperative-gestures overlay: a new one needs its rules back (UNUSED_PARTS).
    const source = files('src/lib')
      .concat(files('src/modes'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const made = [...source.matchAll(/new maplibregl\.(\w+)/g)].map((m) => m[1]).sort();
    expect([...new Set(made)]).toEqual(['AttributionControl', 'Map']);
    expect(source).not.toMatch(/maplibreLogo\s*:\s*true|cooperativeGestures\s*:\s*(?!false)/);
  });
});
