// Warming the next chapter's tiles: reads the archive's byte ranges for the tiles of the flight from
// one chapter to the next (MapLibre has no public prefetch for an arbitrary camera), one tile at a
// time, so that the archive's directories are loaded and the tiles are in the browser's cache when
// the reader moves on. Best effort: errors are ignored, and the returned abort cancels it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import type { Camera } from '../story/types';
import { flightTiles } from './tile-cover';

export function warmFlight(
  map: MapLibreMap,
  protocol: Protocol | undefined,
  sourceId: string,
  from: Camera,
  to: Camera,
): () => void {
  const source = map.getSource(sourceId) as { url?: string; minzoom?: number; maxzoom?: number } | undefined;
  const archive = source?.url ? protocol?.get(source.url.replace(/^pmtiles:\/\//, '')) : undefined;
  if (!archive) return () => {};
  const canvas = map.getCanvas();
  const tiles = flightTiles(
    from,
    to,
    { width: canvas.clientWidth || 1024, height: canvas.clientHeight || 768 },
    { minzoom: source?.minzoom ?? 0, maxzoom: source?.maxzoom ?? 14 },
  );
  const controller = new AbortController();
  void (async () => {
    for (const t of tiles) {
      if (controller.signal.aborted) return;
      await archive.getZxy(t.z, t.x, t.y, controller.signal).catch(() => undefined);
    }
  })();
  return () => controller.abort();
}
