// The modes every cross-cutting check (hardening, accessibility) runs in: each with a map on screen.
export const CHECKED_MODES = ['scroll', 'present', 'kiosk', 'print'] as const;
export type CheckedMode = (typeof CHECKED_MODES)[number];

/** The address of `path` in `mode` (scroll mode is the plain address). */
export function modeUrl(mode: CheckedMode, path = '/'): string {
  return mode === 'scroll' ? path : `${path}?mode=${mode}`;
}
