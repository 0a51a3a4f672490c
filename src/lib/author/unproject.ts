// Where on the Earth a point of the screen is, found with the map's own projection (the probe's
// `project`, longitude/latitude → page pixels) run backwards by Newton's method. The map's probe
// then needs nothing new for the author's view, and what readers load stays as it is.

type Project = (lngLat: [number, number]) => [number, number];

/**
 * The longitude/latitude that `project` puts at `target` (page px), starting from `start` (the
 * camera's centre). Null where no point of the map is there (above the horizon of a tilted map).
 */
export function unproject(
  project: Project,
  target: readonly [number, number],
  start: readonly [number, number],
  { tolerancePx = 1e-4, maxSteps = 30 } = {},
): [number, number] | null {
  let p: [number, number] = [start[0], start[1]];
  for (let i = 0; i < maxSteps; i++) {
    const [x, y] = project(p);
    const ex = x - target[0];
    const ey = y - target[1];
    if (!Number.isFinite(ex) || !Number.isFinite(ey)) return null;
    if (Math.hypot(ex, ey) < tolerancePx) return p;
    // The Jacobian, by small steps in each direction (a millionth of a degree is far below a pixel).
    const h = 1e-6;
    const [xl, yl] = project([p[0] + h, p[1]]);
    const [xa, ya] = project([p[0], p[1] + h]);
    const a = (xl - x) / h;
    const b = (xa - x) / h;
    const c = (yl - y) / h;
    const d = (ya - y) / h;
    const det = a * d - b * c;
    if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
    let dLng = (d * ex - b * ey) / det;
    let dLat = (a * ey - c * ex) / det;
    // Never more than 10° a step: far from the answer the map is not linear.
    const s = Math.max(1, Math.hypot(dLng, dLat) / 10);
    dLng /= s;
    dLat /= s;
    p = [p[0] - dLng, Math.max(-85, Math.min(85, p[1] - dLat))];
  }
  const [x, y] = project(p);
  return Math.hypot(x - target[0], y - target[1]) < 0.5 ? p : null;
}
