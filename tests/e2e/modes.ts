// The modes every cross-cutting check runs in. A mode that is not built yet falls back to the
// scroll view, so these checks pass now and cover each mode as it arrives.
export const CHECKED_MODES = ['scroll', 'present', 'kiosk', 'print'] as const;
export type CheckedMode = (typeof CHECKED_MODES)[number];

/** The address of `path` in `mode` (scroll mode is the plain address). */
export function modeUrl(mode: CheckedMode, path = '/'): string {
  return mode === 'scroll' ? path : `${path}?mode=${mode}`;
}
