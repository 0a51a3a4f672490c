// Framing a chapter in the visible part of the map: the chapter's camera as the author wrote it,
// zoomed out only as far as needed for its highlighted places (and, where that costs little, its
// other places) to stand inside the free part of the map with a margin. On a large screen the
// author's camera is kept as it is; on a phone the same chapter shows the same places.
import type { Camera } from '../story/types';
import { mercator } from '../map/mercator';
import type { Padding } from './visible-map';

/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;
/** MapLibre's vertical field of view: the camera stands 1.5 canvas heights from the centre. */
const CAMERA_DISTANCE = 1.5;

export interface Viewport {
  /** The map canvas, CSS px. */
  width: number;
  height: number;
  /** The covered margins of the canvas (the camera centres on the rest). */
  padding: Padding;
}

export interface FrameTargets {
  /** Must be inside the free part: the places the chapter is about. */
  must: ReadonlyArray<readonly [number, number]>;
  /** Inside too where it costs at most `optionalZoom` levels more (the chapter's other places). */
  should?: ReadonlyArray<readonly [number, number]>;
}

/** Screen offset (px, from the camera's centre) of a point, for a camera at `zoom`. */
export function screenOffset(
  camera: Camera,
  zoom: number,
  point: readonly [number, number],
  canvasHeight: number,
) {
  const [cx, cy] = mercator(camera.center);
  const [px, py] = mercator(point);
  const scale = WORLD_PX * 2 ** zoom;
  // Nearest copy of the world across the antimeridian.
  let dx = (px - cx) * scale;
  const wrap = scale;
  if (dx > wrap / 2) dx -= wrap;
  if (dx < -wrap / 2) dx += wrap;
  const dy = (py - cy) * scale;
  // Turn by the bearing (the map's north is rotated clockwise by -bearing on screen).
  const b = (camera.bearing * Math.PI) / 180;
  const x = dx * Math.cos(b) + dy * Math.sin(b);
  const ground = -dx * Math.sin(b) + dy * Math.cos(b);
  // Tilt: the ground is seen at `pitch`; what is nearer the camera (lower on screen) is larger.
  const p = (camera.pitch * Math.PI) / 180;
  const d = CAMERA_DISTANCE * canvasHeight;
  const depth = d - ground * Math.sin(p);
  if (depth <= 1) return { x: Infinity, y: Infinity };
  const k = d / depth;
  return { x: x * k, y: ground * Math.cos(p) * k };
}

function fits(
  camera: Camera,
  zoom: number,
  points: ReadonlyArray<readonly [number, number]>,
  view: Viewport,
  margin: number,
): boolean {
  const w = view.width - view.padding.left - view.padding.right;
  const h = view.height - view.padding.top - view.padding.bottom;
  const halfW = w / 2 - margin;
  const halfH = h / 2 - margin;
  if (halfW <= 0 || halfH <= 0) return true; // nothing can be framed in a sliver: leave the camera alone
  return points.every((pt) => {
    const o = screenOffset(camera, zoom, pt, view.height);
    return Math.abs(o.x) <= halfW && Math.abs(o.y) <= halfH;
  });
}

/** The smallest zoom-out (in steps of 1/64 level, at most `limit`) that fits `points`. */
function zoomToFit(
  camera: Camera,
  points: ReadonlyArray<readonly [number, number]>,
  view: Viewport,
  margin: number,
  limit: number,
): number | null {
  for (let out = 0; out <= limit; out += 1 / 64) {
    if (fits(camera, camera.zoom - out, points, view, margin)) return camera.zoom - out;
  }
  return null;
}

/** The camera that shows `targets` in the free part of `view`: the author's, zoomed out if needed. */
export function frameCamera(
  camera: Camera,
  targets: FrameTargets,
  view: Viewport,
  { margin = 24, optionalZoom = 1.5, minZoom = 0 } = {},
): Camera {
  const limit = Math.max(0, camera.zoom - minZoom);
  const mustZoom = zoomToFit(camera, targets.must, view, margin, limit) ?? minZoom;
  let zoom = mustZoom;
  if (targets.should?.length) {
    const all = [...targets.must, ...targets.should];
    const withAll = zoomToFit({ ...camera, zoom: mustZoom }, all, view, margin, optionalZoom);
    if (withAll !== null) zoom = withAll;
  }
  return zoom === camera.zoom ? camera : { ...camera, zoom };
}
