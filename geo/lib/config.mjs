// Extract regions, zoom coverage and thresholds of the embedded basemap. Everything the pipeline
// decides about "how much detail where" is here.

/** [west, east, south, north] in degrees (GMT -R order). */
export const REGIONS = {
  /** context for the Chongqing–Duisburg rail route and the Southeast Asia corridor: coarse */
  eurasia: [-15, 155, -12, 72],
  /** China and neighbours: detailed */
  china: [70, 140, 15, 55],
  /** Chongqing and the upper Yangtze: everything GSHHG-full has */
  chongqing: [104, 111, 27.5, 32.5],
};

/**
 * What the archive covers at which zoom. Tiles are written only inside these boxes
 * ([west, south, east, north]); MapLibre shows nothing past them (the style's honest limit).
 */
export const COVERAGE = [
  { name: 'world', bbox: [-180, -85, 180, 85], minzoom: 0, maxzoom: 4 },
  { name: 'eurasia', bbox: [-15, -12, 155, 72], minzoom: 5, maxzoom: 7 },
  { name: 'china', bbox: [70, 15, 140, 55], minzoom: 8, maxzoom: 9 },
  { name: 'china-east', bbox: [97, 18, 123, 42], minzoom: 10, maxzoom: 10 },
  { name: 'duisburg', bbox: [5.5, 50.8, 8, 52], minzoom: 8, maxzoom: 10 },
  { name: 'jiuquan', bbox: [97.5, 39, 101.5, 42], minzoom: 10, maxzoom: 10 },
  { name: 'chongqing', bbox: [105.5, 28.9, 108, 30.6], minzoom: 11, maxzoom: 11 },
];

/**
 * The archive's highest zoom: the closest zoom at which the data is honest (river lines ~0.4 km
 * off, geo/SOURCES.md). Written into the archive's header, which the app and the story's
 * validation read (src/build/basemap/) — this list is its only source.
 */
export const MAXZOOM = Math.max(...COVERAGE.map((c) => c.maxzoom));

/**
 * WDBII river classes extracted, the region each comes from, and the zoom from which it shows
 * (Protomaps-style `min_zoom`). Class 1 = permanent major rivers, 2 = additional major rivers,
 * 3 = additional rivers, 4 = minor rivers (GMT `coast -I`).
 */
export const RIVER_CLASSES = [
  { cls: 1, region: 'eurasia', min_zoom: 3 },
  { cls: 2, region: 'china', min_zoom: 5 },
  { cls: 3, region: 'china', min_zoom: 7 },
  { cls: 4, region: 'chongqing', min_zoom: 9 },
];

/** GSHHG lakes (level 2, river-lakes included): minimum area in km² per region. */
export const LAKES = [
  { region: 'eurasia', minArea: 1500 },
  { region: 'china', minArea: 20 },
];
