// The shapes a teacher may write, checked with zod at build time. Cross-references
// (a chapter naming a place that does not exist, …) are checked in compile.ts.
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
export const localized = z.strictObject({ en: text, zh: text });
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens (it is used in links)');

export const cameraSchema = z.strictObject({
  center: z.tuple([
    z
      .number()
      .min(-180, 'longitude must be between -180 and 180')
      .max(180, 'longitude must be between -180 and 180'),
    z.number().min(-85, 'latitude must be between -85 and 85').max(85, 'latitude must be between -85 and 85'),
  ]),
  zoom: z.number().min(0, 'zoom must be between 0 and 22').max(22, 'zoom must be between 0 and 22'),
  pitch: z
    .number()
    .min(0, 'pitch must be between 0 and 85')
    .max(85, 'pitch must be between 0 and 85')
    .default(0),
  bearing: z
    .number()
    .min(-180, 'bearing must be between -180 and 180')
    .max(180, 'bearing must be between -180 and 180')
    .default(0),
});

export const chapterSchema = z.strictObject({
  id,
  title: localized,
  description: localized,
  camera: cameraSchema,
  places: z.array(id).default([]),
  highlight: z.array(id).default([]),
  layers: z.array(id).default([]),
  sources: z.array(id).min(1, 'a chapter needs at least one source'),
  figures: z.array(id).default([]),
  dwell: z
    .number()
    .min(3, 'dwell must be at least 3 seconds')
    .max(300, 'dwell must be at most 300 seconds')
    .optional(),
  /** The closing chapter that credits every source of the story and the basemap. */
  credits: z.boolean().default(false),
});
export type ChapterInput = z.infer<typeof chapterSchema>;

export const sourceSchema = z.strictObject({
  title: localized,
  publisher: text,
  licence: text.optional(),
  url: z.url().optional(),
  note: localized.optional(),
});

export const storySchema = z.strictObject({
  id,
  title: localized,
  subtitle: localized,
  byline: localized,
  /** The closest zoom the basemap's data supports honestly; chapters may not go beyond it. */
  maxZoom: z.number().min(1).max(22),
  /** Kiosk dwell for chapters that do not set their own, in seconds. */
  dwell: z.number().min(3).max(300).default(12),
  sources: z.record(id, sourceSchema),
});
export type StoryInput = z.infer<typeof storySchema>;

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85)]);

export const placeSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.strictObject({ type: z.literal('Point'), coordinates: lngLat }),
  properties: z.strictObject({
    id,
    name_en: text,
    name_zh: text,
    province: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as CN-CQ or DE'),
    source: text,
    accuracy: text,
  }),
});

export const placesSchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

const routeSchema = z.strictObject({
  kind: z.literal('route'),
  name: localized,
  /** Place ids or [lng, lat] pairs the route passes through, in order. */
  via: z.array(z.union([id, lngLat])).min(2, 'a route needs at least two points'),
  /** Great-circle arcs between points (flights) instead of straight segments. */
  geodesic: z.boolean().default(false),
  schematic: z.boolean(),
  source: id,
});
const circleSchema = z.strictObject({
  kind: z.literal('scale-circle'),
  name: localized,
  center: id,
  area_km2: z.number().positive(),
  source: id,
});
export const overlaySchema = z.discriminatedUnion('kind', [routeSchema, circleSchema]);
export const overlaysSchema = z.record(id, overlaySchema);

const positive = z.number().positive('must be a positive number');
const template = z
  .string()
  .trim()
  .refine((s) => s.includes('{n}'), 'must contain {n} where the number goes');
export const figureSchema = z.strictObject({
  kind: z.enum(['series', 'number']),
  label: localized,
  unit: localized,
  /** Each language shows value × factor, so that the number suits its unit (100.2 billion = 1002 亿). */
  factor: z.strictObject({ en: positive, zh: positive }).default({ en: 1, zh: 1 }),
  /** How a value reads in a sentence, with {n} for the number: "US${n} billion", "{n} 亿美元". */
  format: z.strictObject({ en: template, zh: template }).optional(),
  values: z
    .array(z.strictObject({ label: z.union([text, localized]), value: z.number() }))
    .min(1, 'a figure needs at least one value'),
  source: id,
});
export const figuresSchema = z.record(id, figureSchema);
