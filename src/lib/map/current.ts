// The map on screen, for the automation handle and the modes that need the map itself.
// A type-only import keeps MapLibre out of the first chunk.
import type { MapView } from './map-view';

export const currentMap: {
  view: MapView | null;
  notice: string | null;
  /** A mode whose readiness is not the map on screen (speaker: no map; print: every picture taken) says it here. */
  ready: (() => boolean) | null;
} = { view: null, notice: null, ready: null };

let firstPictureDrawn: () => void = () => {};
/** Resolves when a map has drawn its first complete picture on this page. */
export const firstPicture: Promise<void> = new Promise((resolve) => (firstPictureDrawn = resolve));
/** Called by the map when its first picture is complete. */
export function markFirstPicture(): void {
  firstPictureDrawn();
}
