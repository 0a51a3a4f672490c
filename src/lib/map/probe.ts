// What only window.storymap (tests, monitoring, the handout's pictures) asks of the map: read-only
// queries of what is drawn now. Nothing here moves the map.
import type { Map as MlMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { Camera, Lang, LngLat } from '../story/types';
import type { Rect } from '../layout/visible-map';
import { drawnScale } from '../layout/screen-scale';
import type { MapProbe } from './map-status.svelte';
import { SOURCE_ID } from './style';
import { LAYER } from './story-layers';

/** What the probe reads of the map view (MapView has all of it; the view's module loads this one). */
export interface ProbedView {
  readonly map: MlMap;
  readonly ready: boolean;
  readonly animatedMoves: number;
  camera(): Camera;
  isIdle(): boolean;
  showsRoute(): boolean;
  /** Each route drawn now: how much of it, and where its drawn part ends. */
  drawnRoutes(): { id: string; fraction: number; end: LngLat }[];
  settled(): Promise<void>;
  visibleRect(): Rect | null;
}

/** The rivers the basemap draws as water areas now (each tile's part), as polygons of [lon, lat] rings. */
function riverAreas(features: MapGeoJSONFeature[]): [number, number][][][] {
  const round = (p: number[]) =>
    [Math.round(p[0]! * 1e6) / 1e6, Math.round(p[1]! * 1e6) / 1e6] as [number, number];
  return features.flatMap((f) => {
    if (f.layer.id !== 'basemap-water' || f.properties.kind_detail !== 'river') return [];
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return polygons.map((rings) => rings.map((ring) => ring.map(round)));
  });
}

export function createProbe(view: ProbedView): MapProbe {
  const { map } = view;
  return {
    ready: () => view.ready,
    camera: () => view.camera(),
    isIdle: () => view.isIdle(),
    get animatedMoves() {
      return view.animatedMoves;
    },
    bounds: () => {
      const b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    },
    // The fraction of the active chapter's routes drawn now, read back from the route layer's paint.
    routeProgress: () => (view.ready && view.showsRoute() ? (view.drawnRoutes()[0]?.fraction ?? null) : null),
    drawnRoutes: () => view.drawnRoutes(),
    renderedPlaces: () => {
      if (!view.ready) return [];
      const features = map.queryRenderedFeatures({ layers: [LAYER.placeDot] });
      return [...new Set(features.map((f) => String(f.properties.id)))].sort();
    },
    renderedBasemap: (lang: Lang) => {
      if (!view.ready) return { features: 0, labels: [], onPlaces: [], riverAreas: [] };
      const names = lang === 'zh' ? ['name:zh-Hans', 'name:zh', 'name'] : ['name:en', 'name'];
      // A city hidden by feature state (the story labels it) is placed, but not seen.
      const labelled = (features: MapGeoJSONFeature[]) =>
        features.flatMap((f) => {
          const key = names.find((n) => typeof f.properties[n] === 'string');
          return f.source === SOURCE_ID && f.layer.type === 'symbol' && f.state?.hidden !== true && key
            ? [String(f.properties[key])]
            : [];
        });
      const features = map.queryRenderedFeatures().filter((f) => f.source === SOURCE_ID);
      // Basemap labels placed over a story dot, as "label @ place id": the story keeps them clear.
      const onPlaces: string[] = [];
      for (const dot of map.queryRenderedFeatures({ layers: [LAYER.placeDot] })) {
        const { x, y } = map.project((dot.geometry as GeoJSON.Point).coordinates as [number, number]);
        const near = map.queryRenderedFeatures([
          [x - 7, y - 7],
          [x + 7, y + 7],
        ]);
        for (const label of labelled(near)) onPlaces.push(`${label} @ ${dot.properties.id}`);
      }
      return {
        features: features.length,
        labels: [...new Set(labelled(features))].sort(),
        onPlaces,
        riverAreas: riverAreas(features),
      };
    },
    settled: () => view.settled(),
    snapshot: () => map.getCanvas().toDataURL('image/png'),
    project: (lngLat) => {
      const p = map.project(lngLat);
      const canvas = map.getCanvas();
      const r = canvas.getBoundingClientRect();
      // A map drawn scaled up: its pixels are larger on the screen.
      const scale = drawnScale(canvas);
      return [r.left + p.x * scale, r.top + p.y * scale];
    },
    visibleRect: () => view.visibleRect(),
  };
}
