// The compiled story: what the build makes of a story folder, and all the app ever reads.
// Everything here is plain JSON so that it can travel through a virtual module and into the page.

import type { Lang } from '../i18n/languages.ts';

export { LANGS, isLang, type Lang } from '../i18n/languages.ts';
/**
 * A text (or a number) in each of the story's languages: its keys are exactly the story's
 * `languages` (the build checks that every one is there, and no other).
 */
export type Localized<T = string> = Partial<Record<Lang, T>>;

export type LngLat = [lng: number, lat: number];

export interface Camera {
  center: LngLat;
  zoom: number;
  pitch: number;
  bearing: number;
}

export interface SourceRef {
  id: string;
  title: Localized;
  /** Who publishes it: a newspaper, an agency, a data project. */
  publisher: string;
  licence?: string;
  /** Kept as text, never fetched: the app is offline. */
  url?: string;
  /** What the source supplies in this story (a figure, a layer, a coordinate). */
  note?: Localized;
}

export interface Place {
  id: string;
  name: Localized;
  coordinates: LngLat;
  /** ISO 3166-2 subdivision (CN-CQ) or ISO 3166-1 country code for places abroad. */
  province: string;
  source: string;
  /** How far the point may be from the truth, in words; shown to readers who ask. */
  accuracy: string;
}

export type OverlayKind = 'route' | 'scale-circle';

export interface Overlay {
  id: string;
  kind: OverlayKind;
  name: Localized;
  /** A schematic route is drawn through main waypoints, not surveyed; the legend says so. */
  schematic: boolean;
  /** A route that follows great circles between its points (the shortest path over the globe). */
  geodesic: boolean;
  source: string;
  geometry: GeoJSON.LineString | GeoJSON.Polygon;
  /** A scale circle's own words on the map, with {area} for its area (overlays.yaml `label`). */
  label?: Localized;
  /** Length in km for routes, area in km² for circles, computed with Turf at build time. */
  measure: number;
}

export interface Figure {
  id: string;
  kind: 'series' | 'number';
  label: Localized;
  unit: Localized;
  /** Each language shows value × factor, so that the number suits that language's unit. */
  factor: Localized<number>;
  /** How a value reads in a sentence, with {n} for the formatted number. */
  format: Localized;
  /** For `number`: one value; for `series`: points in order. */
  values: { label: Localized; value: number }[];
  source: string;
}

/** What a picture is: readers are told when it is an illustration (drawn, not photographed). */
export type MediaKind = 'photo' | 'illustration' | 'video';

/** A picture's credit line, from its source in story.yaml. */
export interface MediaCredit {
  publisher: string;
  licence?: string;
}

/** One built file of a picture: its address on the site, its width in pixels and its size in bytes. */
export interface MediaFile {
  url: string;
  width: number;
  bytes: number;
}

/** The files of a picture in one format, narrowest first (a `<source>`'s srcset). */
export interface MediaFormat {
  type: 'image/avif' | 'image/webp' | 'image/jpeg' | 'image/png' | 'image/svg+xml';
  files: MediaFile[];
}

/** A picture as the build made it for the web (src/build/media). */
export interface BuiltImage {
  /** Its size in pixels (of its widest file; an SVG's from its viewBox): the box reserved for it. */
  width: number;
  height: number;
  /**
   * Its formats, the modern ones first (AVIF, WebP) and the one every browser shows last (JPEG, or
   * PNG for a picture with transparency; an SVG is one file).
   */
  formats: MediaFormat[];
  /** Shown until the picture arrives: its dominant colour, and a tiny blurred preview (a data: URL). */
  placeholder: { color: string; preview?: string };
}

/** A video as built: its file, served as it is, and its captions per language (WebVTT). */
export interface BuiltVideo {
  url: string;
  type: 'video/mp4' | 'video/webm';
  bytes: number;
  captions?: Localized<string>;
}

/** A picture or video of a chapter (its front matter's `media:`). */
export interface Media {
  kind: MediaKind;
  /** The file in the story folder (for messages; the page uses the built files). */
  file: string;
  /** Only decorates: screen readers skip it, and it has no alt text. */
  decorative: boolean;
  /** What the picture shows, for screen readers; absent only when decorative. */
  alt?: Localized;
  caption?: Localized;
  /** The source id in the story's catalogue; `credit` is its publisher and licence. */
  source: string;
  credit: MediaCredit;
  /** Sources whose facts the picture shows (an illustration drawn from them). */
  basedOn: string[];
  /** A place of the chapter the picture is pinned to on the map. */
  place?: string;
  /**
   * The built picture (a video's poster). Every story the page gets has it; only a story compiled
   * for its checks alone (compileStory, without the media build) has not.
   */
  image?: BuiltImage;
  /** The built video (videos only), under the same terms as `image`. */
  video?: BuiltVideo;
}

export interface Chapter {
  id: string;
  /** The story file the chapter came from, relative to the project root (for messages). */
  file: string;
  title: Localized;
  /** Rendered, sanitised HTML of the chapter text. */
  html: Localized;
  /** What the map shows, for screen readers and the handout. */
  description: Localized;
  /** Speaker notes (rendered HTML); empty string when there are none. */
  notes: Localized;
  camera: Camera;
  /** Places drawn on the map during this chapter. */
  places: string[];
  /** Places emphasised during this chapter (a subset of `places`). */
  highlight: string[];
  /** Overlay ids visible during this chapter. */
  layers: string[];
  /**
   * How far the chapter draws a route it shows, by route id: the fraction (0..1) of the line as
   * drawn, from its `to:` (a place on the route, or a fraction). A route not in here is drawn whole.
   */
  routeEnds?: Record<string, number>;
  /** For each route in `routeEnds` drawn short of its end: the length (km, over the globe) of the part drawn. */
  routeEndKm?: Record<string, number>;
  /** Source ids that back the chapter. */
  sources: string[];
  figures: string[];
  /** Seconds the kiosk loop stays on this chapter. */
  dwell: number;
  /** The closing chapter: shows every source of the story and the basemap in full. */
  credits: boolean;
  /** Pictures and videos, in the order the front matter lists them. */
  media: Media[];
}

export interface Story {
  id: string;
  /** The languages the story is told in (story.yaml `languages`), the default first; at least one. */
  languages: Lang[];
  title: Localized;
  subtitle: Localized;
  /** Shown under the title: what the story is based on, in a sentence. */
  byline: Localized;
  chapters: Chapter[];
  places: Place[];
  overlays: Overlay[];
  figures: Figure[];
  sources: SourceRef[];
  /** File name of the link preview picture in the story folder, copied into the site (story.yaml `preview`). */
  preview?: string;
  /** What the story's map shows differently from the basemap data (story.yaml `basemap.notes`). */
  basemapNotes?: Localized;
  /** What the story's basemap archive holds (story.yaml `basemap.kind`): the layers the map draws, the credit it shows. */
  basemapKind: BasemapKind;
}

/** The kinds of basemap archive: this project's embedded one, or an OpenStreetMap-based Protomaps extract. */
export const BASEMAP_KINDS = ['embedded', 'protomaps'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];
