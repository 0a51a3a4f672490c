// The map on screen, for the automation handle and the modes that need the map itself.
// A type-only import keeps MapLibre out of the first chunk.
import type { MapView } from './map-view';

export const currentMap: { view: MapView | null; notice: string | null } = { view: null, notice: null };
