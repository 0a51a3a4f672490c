// Build time: does every chapter's view, at the reference screen sizes, stay on the basemap's
// data at its zoom? Pure: the story's chapters and the archive's coverage in, problems out.
import { mercator, rangeBounds, unmercator } from '../../lib/map/mercator.js';
import { viewTiles, type BasemapCoverage, type CoverageView } from '../../lib/map/coverage';

export interface Screen {
  width: number;
  height: number;
  /** Screen area covered by text (the camera centres on the rest, as MapLibre's `padding`). */
  padding?: { top: number; right: number; bottom: number; left: number };
}

/** Phone, laptop, desktop, portrait kiosk. */
export const REFERENCE_SCREENS: readonly Screen[] = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];

export interface CameraLike {
  center: readonly number[];
  zoom: number;
  pitch?: number;
  bearing?: number;
}

/** What `checkCoverage` needs of a story: the compiled story fits. */
export interface StoryLike {
  chapters: readonly ChapterLike[];
}
export interface ChapterLike {
  id: string;
  file?: string;
  camera: CameraLike;
}

/**
 * The camera the app shows for a chapter on a screen (for example the author's camera zoomed out
 * to fit its places on a phone). Default: the author's camera.
 */
export type FrameFn = (chapter: ChapterLike, screen: Screen) => CameraLike;

export interface CoverageProblem {
  /** `too-close`: the zoom is past the archive's max zoom; `outside`: the view leaves the data. */
  kind: 'too-close' | 'outside';
  chapter: string;
  file?: string;
  zoom: number;
  /** The archive zoom whose tiles the view shows. */
  dataZoom: number;
  /** Each screen on which part of the view has no tiles, with the tiles missing there (`outside`). */
  screens: { screen: Screen; missing: number; total: number }[];
  message: string;
}

/** MapLibre's default vertical field of view. */
const FOV = (36.87 * Math.PI) / 180;
/** Rays closer to the horizon than this are cut off (MapLibre draws fog/sky there). */
const MAX_RAY = (85 * Math.PI) / 180;

/**
 * [west, south, east, north] of the ground a camera shows on a screen: the screen's corners cast
 * onto the ground with the camera's pitch (MapLibre's perspective), turned by its bearing.
 */
export function viewBounds(camera: CameraLike, screen: Screen): [number, number, number, number] {
  const p = screen.padding ?? { top: 0, right: 0, bottom: 0, left: 0 };
  const cx = p.left + (screen.width - p.left - p.right) / 2;
  const cy = p.top + (screen.height - p.top - p.bottom) / 2;
  const pitch = ((camera.pitch ?? 0) * Math.PI) / 180;
  const bearing = ((camera.bearing ?? 0) * Math.PI) / 180;
  const f = screen.height / 2 / Math.tan(FOV / 2); // camera-to-centre distance, px
  const h = f * Math.cos(pitch);
  /** ground offset (right, forward) in px at the camera's zoom of the screen point (u, v) from the centre */
  const ground = (u: number, v: number): [number, number] => {
    const a = Math.atan(-v / f);
    const ray = Math.min(MAX_RAY, pitch + a);
    const forward = h * Math.tan(ray) - f * Math.sin(pitch);
    const depth = (h / Math.cos(ray)) * Math.cos(ray - pitch);
    return [(u * depth) / f, forward];
  };
  const world = 512 * 2 ** camera.zoom;
  const [mx, my] = mercator(camera.center);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const u of [-cx, screen.width - cx])
    for (const v of [-cy, screen.height - cy]) {
      const [r, fwd] = ground(u, v);
      const east = r * Math.cos(bearing) + fwd * Math.sin(bearing);
      const north = -r * Math.sin(bearing) + fwd * Math.cos(bearing);
      xs.push(mx + east / world);
      ys.push(my - north / world);
    }
  const [w, n] = unmercator(Math.min(...xs), Math.min(...ys));
  const [e, s] = unmercator(Math.max(...xs), Math.max(...ys));
  return [w, s, e, n];
}

const deg = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(2)}° ${v < 0 ? neg : pos}`;
const lonRange = (a: number, b: number) => `${deg(a, 'E', 'W')} – ${deg(b, 'E', 'W')}`;
const latRange = (a: number, b: number) => `${deg(a, 'N', 'S')} – ${deg(b, 'N', 'S')}`;

/** Where the archive has tiles at zoom z, in words. */
export function describeCoverage(coverage: BasemapCoverage, z: number): string {
  const rects = coverage.rects[z] ?? [];
  if (!rects.length) return `the basemap has no tiles at zoom ${z}`;
  const boxes = rects.map(([x0, y0, x1, y1]) => rangeBounds({ x0, x1, y0, y1 }, z));
  const shown = boxes
    .slice(0, 4)
    .map(([w, s, e, n]) => `${lonRange(w, e)}, ${latRange(s, n)}`)
    .join('; ');
  return `at zoom ${z} the basemap has data only within ${shown}${boxes.length > 4 ? ` (and ${boxes.length - 4} more areas)` : ''}`;
}

const size = (s: Screen) => `${s.width}×${s.height}`;

/**
 * Every chapter closer than the archive's max zoom (`too-close`: the data is not good enough
 * there), and every chapter whose view, on any of `screens`, reaches past the tiles the basemap
 * has at the chapter's zoom (`outside`, naming the chapter, its zoom, the screens and where data
 * exists at that zoom). (MapLibre loads lower zooms for the far part of a strongly pitched view;
 * this check asks for tiles at the chapter's zoom everywhere, so it errs on the safe side.)
 */
export function checkCoverage(
  story: StoryLike,
  coverage: BasemapCoverage,
  screens: readonly Screen[] = REFERENCE_SCREENS,
  frame: FrameFn = (c) => c.camera,
): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  for (const c of story.chapters) {
    if (c.camera.zoom > coverage.maxZoom)
      problems.push({
        kind: 'too-close',
        chapter: c.id,
        ...(c.file ? { file: c.file } : {}),
        zoom: c.camera.zoom,
        dataZoom: coverage.maxZoom,
        screens: [],
        message:
          `chapter "${c.id}" at zoom ${c.camera.zoom} is closer than the basemap's data supports ` +
          `(its archive goes to zoom ${coverage.maxZoom})`,
      });
    const failing: (CoverageProblem['screens'][number] & { z: number })[] = [];
    for (const screen of screens) {
      const camera = frame(c, screen);
      const view: CoverageView = { bounds: viewBounds(camera, screen), zoom: camera.zoom };
      const t = viewTiles(view, coverage);
      if (t.covered < t.total) failing.push({ screen, missing: t.total - t.covered, total: t.total, z: t.z });
    }
    if (!failing.length) continue;
    const worst = failing.reduce((a, b) => (b.missing / b.total > a.missing / a.total ? b : a));
    const z = worst.z;
    problems.push({
      kind: 'outside',
      chapter: c.id,
      ...(c.file ? { file: c.file } : {}),
      zoom: c.camera.zoom,
      dataZoom: z,
      screens: failing.map(({ screen, missing, total }) => ({ screen, missing, total })),
      message:
        `chapter "${c.id}" at zoom ${c.camera.zoom} shows an area the basemap has no data for ` +
        `on ${failing.map((f) => size(f.screen)).join(', ')} screens ` +
        `(${worst.missing} of ${worst.total} tiles missing on ${size(worst.screen)}); ` +
        `${describeCoverage(coverage, z)}. Zoom out or move the camera.`,
    });
  }
  return problems;
}
