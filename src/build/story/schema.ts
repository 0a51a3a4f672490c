// The shapes an author may write, checked with zod at build time. Every field carries a
// description and an example: docs/story-format.md and the editors' JSON Schemas (docs/schema/)
// are generated from these definitions (npm run story-docs), so the reference cannot drift.
// Cross-references (a chapter naming a place that does not exist, …) are checked in references.ts.
import { z } from 'zod';
import { BASEMAP_KINDS } from '../../lib/story/types.ts';
import { mediaListSchema } from './media-schema.ts';

/** How a two-language value is written; every message about one shows it. */
export const TWO_LANGUAGES = '{ en: "…", zh: "…" }';

/** story.yaml `basemap.archive` and `basemap.kind` (checked against the file itself in ../basemap/story-archive.ts). */
const basemapArchiveFields = {
  archive: z
    .string()
    .regex(
      /^[A-Za-z0-9][\w.-]*\.pmtiles$/,
      'must be the name of a PMTiles file in the story folder, such as basemap.pmtiles',
    )
    .optional()
    .meta({
      description:
        'A PMTiles v3 archive in the story folder that the map draws instead of the embedded basemap (`npm run basemap:extract` makes one). The build copies it into the site, whose readers and kiosks download and keep it whole: mind its size.',
      examples: ['basemap.pmtiles'],
    }),
  kind: z
    .enum(BASEMAP_KINDS)
    .optional()
    .meta({
      description:
        'What the archive holds: `embedded` (this project’s basemap: rivers, borders, cities; the default) or `protomaps` (an OpenStreetMap-based Protomaps basemap: roads, buildings, land use; credited © OpenStreetMap contributors, ODbL, and Protomaps). Required with `archive`.',
      examples: ['protomaps'],
    }),
};

const LANG_NAME = { en: 'English', zh: 'Chinese' } as const;

const text = z.string().trim().min(1, 'must not be empty');

/** One language's part of a two-language value: its messages show the whole shape. */
function langText(lang: keyof typeof LANG_NAME) {
  return z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? `the ${LANG_NAME[lang]} translation is missing (expected ${TWO_LANGUAGES})`
          : `the ${LANG_NAME[lang]} text must be text (expected ${TWO_LANGUAGES})`,
    })
    .trim()
    .min(1, `the ${LANG_NAME[lang]} text must not be empty (expected ${TWO_LANGUAGES})`);
}

/** Issues of the object itself (not text, a missing field, another language). */
function twoLanguageError(iss: { code?: string; input?: unknown; keys?: string[] }): string {
  if (iss.code === 'unrecognized_keys')
    return `unknown language ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')} (expected ${TWO_LANGUAGES})`;
  if (iss.input === undefined) return `is required, in two languages: ${TWO_LANGUAGES}`;
  return `must be two languages: ${TWO_LANGUAGES}`;
}

/** A text in both languages of the story. */
export function localized(description: string, example: { en: string; zh: string }) {
  return z
    .strictObject({ en: langText('en'), zh: langText('zh') }, { error: twoLanguageError })
    .meta({ description: `${description} Two languages: ${TWO_LANGUAGES}.`, examples: [example] });
}

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens (it is used in links)');
const ref = (what: string, example: string) =>
  id.meta({ description: `The id of ${what}.`, examples: [example] });

const longitude = z
  .number()
  .min(-180, 'longitude must be between -180 and 180')
  .max(180, 'longitude must be between -180 and 180');
const latitude = z
  .number()
  .min(-85, 'latitude must be between -85 and 85')
  .max(85, 'latitude must be between -85 and 85');
const lngLat = z.tuple([longitude, latitude]);

export const cameraSchema = z
  .strictObject({
    center: lngLat.meta({
      description: 'The point in the middle of the view: [longitude, latitude] in degrees (WGS84).',
      examples: [[117.2, 37.6]],
    }),
    zoom: z
      .number()
      .min(0, 'zoom must be between 0 and 22')
      .max(22, 'zoom must be between 0 and 22')
      .meta({
        description:
          'How close the map is: 0 shows the whole world, each step doubles the scale. ' +
          "No closer than the basemap archive's own max zoom (11 for the embedded basemap, in a small area only).",
        examples: [5],
      }),
    pitch: z
      .number()
      .min(0, 'pitch must be between 0 and 85')
      .max(85, 'pitch must be between 0 and 85')
      .default(0)
      .meta({ description: 'Tilt of the map in degrees: 0 looks straight down.', examples: [20] }),
    bearing: z
      .number()
      .min(-180, 'bearing must be between -180 and 180')
      .max(180, 'bearing must be between -180 and 180')
      .default(0)
      .meta({ description: 'Rotation in degrees: 0 has north up, 90 east up.', examples: [0] }),
  })
  .meta({
    description: 'Where the map looks during the chapter.',
    examples: [{ center: [117.2, 37.6], zoom: 5.5, pitch: 10, bearing: 0 }],
  });

/** How far a chapter draws a route ("to"), and where the compiler looks for the place. */
export const ROUTE_TO_TOLERANCE_KM = 10;
export const ROUTE_TO_SHAPE = 'a place id, or a fraction from 0 to 1 such as 0.6';
const FRACTION_RANGE = 'a fraction of the route must be from 0 to 1 (0.6: six tenths of it)';

const routeTo = z
  .union([z.number().min(0, FRACTION_RANGE).max(1, FRACTION_RANGE), id], {
    error: (iss) =>
      iss.input === undefined ? `is required: ${ROUTE_TO_SHAPE}` : `must be ${ROUTE_TO_SHAPE}`,
  })
  .meta({
    description:
      'How far the chapter draws the route: up to a place on it (a place id; its nearest point on ' +
      `the route, which must be within ${ROUTE_TO_TOLERANCE_KM} km of the place), or a fraction of ` +
      'the route as drawn on the map (0.6: six tenths of its length; 1: the whole route).',
    examples: ['wuhan', 0.6],
  });

const layerRef = z.union(
  [
    ref('an overlay in overlays.yaml', 'down-the-river'),
    z
      .strictObject({
        route: ref('a route in overlays.yaml', 'down-the-river'),
        to: routeTo,
      })
      .meta({
        description: 'A route drawn part of the way.',
        examples: [{ route: 'down-the-river', to: 'yichang' }],
      }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? 'must be an overlay id, or a route drawn part of the way: { route: <id>, to: <place id or fraction> }'
        : undefined,
  },
);

export const chapterSchema = z
  .strictObject({
    id: id.meta({
      description: 'Names the chapter in links (#id); unique in the story.',
      examples: ['north'],
    }),
    title: localized('The chapter heading.', { en: 'Across the Yellow River', zh: '跨过黄河' }),
    description: localized(
      'What the MAP shows, in words: read by screen readers and printed in the handout.',
      { en: 'A map of central China with the city marked.', zh: '中国中部地图，标出了这座城市。' },
    ),
    camera: cameraSchema,
    places: z
      .array(ref('a place in places.geojson', 'wuhan'))
      .default([])
      .meta({ description: 'Places drawn on the map during the chapter.', examples: [['wuhan', 'yichang']] }),
    highlight: z
      .array(ref('a place in places.geojson', 'wuhan'))
      .default([])
      .meta({
        description: 'Places emphasised during the chapter (each also in "places").',
        examples: [['wuhan']],
      }),
    layers: z
      .array(layerRef)
      .default([])
      .meta({
        description:
          'Overlays (routes, scale circles) shown during the chapter, by id. A route listed by its id ' +
          'alone is drawn whole; `{ route: <id>, to: <place id or fraction> }` draws it only up to a ' +
          'place on it or a fraction of it. Each chapter that shows a route draws it on from where the ' +
          'previous chapter that showed it left it, so a journey told over several chapters grows ' +
          'chapter by chapter.',
        examples: [[{ route: 'down-the-river', to: 'yichang' }, 'reservoir-scale']],
      }),
    sources: z
      .array(ref('a source in story.yaml', 'article'))
      .min(1, 'a chapter needs at least one source')
      .meta({ description: 'The sources the chapter rests on (at least one).', examples: [['article']] }),
    figures: z
      .array(ref('a figure in figures.yaml', 'gdp'))
      .default([])
      .meta({ description: 'Figures (numbers, charts) shown with the chapter text.', examples: [['gdp']] }),
    dwell: z
      .number()
      .min(3, 'dwell must be at least 3 seconds')
      .max(300, 'dwell must be at most 300 seconds')
      .optional()
      .meta({
        description: "Seconds the kiosk loop stays on this chapter; the story's dwell when absent.",
        examples: [14],
      }),
    credits: z
      .boolean()
      .default(false)
      .meta({
        description:
          'Marks the closing chapter that credits every source of the story and the basemap. ' +
          'At most one chapter may have it, and its "sources" must list every source the story uses.',
        examples: [true],
      }),
    media: mediaListSchema({ localized, ref }),
  })
  .meta({
    title: 'Chapter front matter',
    description:
      'The YAML between the two "---" lines at the top of chapters/NN-name.md. Chapters play in ' +
      'file-name order; the text follows in "::: en" and "::: zh" sections, speaker notes in ' +
      '"::: notes en" and "::: notes zh".',
  });
export type ChapterInput = z.infer<typeof chapterSchema>;

export const sourceSchema = z
  .strictObject({
    title: localized('What the source is called.', {
      en: 'Yangtze River Yearbook 2020',
      zh: '长江年鉴 2020',
    }),
    publisher: text.meta({
      description: 'Who publishes it: a newspaper, an agency, a data project.',
      examples: ['Natural Earth'],
    }),
    licence: text.optional().meta({ description: 'Its licence, when it has one.', examples: ['CC BY 4.0'] }),
    url: z
      .url()
      .optional()
      .meta({
        description: 'Where readers can find it (shown as text; the app never fetches it).',
        examples: ['https://www.naturalearthdata.com/'],
      }),
    note: localized('What the source supplies in this story, shown in the credits.', {
      en: 'The dam height and the reservoir length.',
      zh: '大坝高度和水库长度。',
    }).optional(),
  })
  .meta({ description: 'A source the chapters, places, overlays and figures cite by its id.' });

export const storySchema = z
  .strictObject({
    id: id.meta({
      description: 'Names the story; lower-case letters, digits and hyphens.',
      examples: ['three-gorges'],
    }),
    title: localized('The story title (the page title and the first heading).', {
      en: 'The Grand Canal',
      zh: '大运河',
    }),
    subtitle: localized('One sentence under the title; also the page description.', {
      en: 'How an inland river city became a gateway',
      zh: '内陆江城如何成为门户',
    }),
    byline: localized('What the story is based on, in a sentence.', {
      en: 'Based on a news article, with open map data.',
      zh: '根据一篇新闻报道和开放地图数据编写。',
    }),
    dwell: z
      .number()
      .min(3)
      .max(300)
      .default(12)
      .meta({
        description: 'Seconds the kiosk loop stays on a chapter that does not set its own dwell.',
        examples: [12],
      }),
    preview: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]*\.png$/,
        'must be the name of a PNG file in the story folder, such as og-image.png',
      )
      .optional()
      .meta({
        description:
          'The picture a shared link shows: a PNG file in the story folder (`npm run images` makes it from the built story).',
        examples: ['og-image.png'],
      }),
    basemap: z
      .strictObject({
        notes: localized(
          'What this story’s map shows differently from the basemap’s data, for the map’s credit line.',
          {
            en: 'river lines near the dam corrected schematically',
            zh: '大坝附近的河道线为示意性修正',
          },
        ).optional(),
        ...basemapArchiveFields,
      })
      .optional()
      .meta({
        description:
          'The story’s basemap: the embedded one (no `archive`), or a detailed PMTiles archive in the story folder, and what the story says about it.',
      }),
    sources: z.record(id, sourceSchema).meta({
      description: 'The catalogue of sources, by id.',
      examples: [
        {
          article: {
            title: { en: 'News article on the area', zh: '关于该地区的新闻报道' },
            publisher: 'Daily News',
          },
        },
      ],
    }),
  })
  .meta({
    title: 'story.yaml',
    description:
      'The story: title, the catalogue of sources, and settings (kiosk dwell, basemap, preview picture).',
  });
export type StoryInput = z.infer<typeof storySchema>;

export const placeSchema = z
  .strictObject({
    type: z.literal('Feature').meta({ description: 'Always "Feature".' }),
    geometry: z
      .strictObject({
        type: z.literal('Point').meta({ description: 'Always "Point": a place is a point.' }),
        coordinates: lngLat.meta({
          description: '[longitude, latitude] in degrees (WGS84).',
          examples: [[114.3, 30.59]],
        }),
      })
      .meta({ description: 'Where the place is.' }),
    properties: z
      .strictObject({
        id: id.meta({
          description: 'Names the place for chapters and overlays; unique.',
          examples: ['wuhan'],
        }),
        name_en: text.meta({ description: 'The name in English (drawn on the map).', examples: ['Wuhan'] }),
        name_zh: text.meta({ description: 'The name in Chinese (drawn on the map).', examples: ['武汉'] }),
        province: z
          .string()
          .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166 code such as CN-CQ or DE')
          .meta({
            description: 'ISO 3166-2 subdivision (CN-HB) or ISO 3166-1 country code for places abroad.',
            examples: ['CN-HB'],
          }),
        source: text.meta({
          description: 'Where the coordinates come from (free text, shown to readers).',
          examples: ['Natural Earth 10m populated places v4.0.0 (public domain)'],
        }),
        accuracy: text.meta({
          description: 'How far the point may be from the truth, in words.',
          examples: ['City point; about 1 km'],
        }),
      })
      .meta({ description: 'What the place is called, and how it is known.' }),
  })
  .meta({ description: 'One place: a GeoJSON point feature.' });

export const placesSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta({
        description: 'The JSON Schema editors check the file with (ignored by the build).',
        examples: ['../../../docs/schema/places.schema.json'],
      }),
    type: z.literal('FeatureCollection').meta({ description: 'Always "FeatureCollection".' }),
    features: z.array(placeSchema).meta({ description: 'The places, one point feature each.' }),
  })
  .meta({
    title: 'places.geojson',
    description: "The story's places: a GeoJSON FeatureCollection of points (WGS84).",
  });

const routeSchema = z
  .strictObject({
    kind: z.literal('route').meta({ description: 'This overlay is a route.' }),
    name: localized('Shown in the legend and the credits.', {
      en: 'Down the Yangtze from Yichang to Wuhan',
      zh: '沿长江从宜昌到武汉',
    }),
    via: z
      .array(
        z.union([ref('a place in places.geojson', 'yichang'), lngLat], {
          error: 'must be a place id or a [longitude, latitude] pair',
        }),
      )
      .min(2, 'a route needs at least two points')
      .meta({
        description: 'Place ids or [longitude, latitude] pairs the route passes through, in order.',
        examples: [['yichang', [113.1, 30.2], 'wuhan']],
      }),
    geodesic: z
      .boolean()
      .default(false)
      .meta({
        description: 'Great-circle arcs between the points (flights) instead of straight segments.',
        examples: [true],
      }),
    schematic: z.boolean().meta({
      description:
        'Required: true when the line is drawn through main waypoints, not surveyed (the legend says so).',
      examples: [true],
    }),
    source: ref('a source in story.yaml', 'article'),
  })
  .meta({ description: 'A line through places; its length is computed when the story is built.' });
const circleSchema = z
  .strictObject({
    kind: z.literal('scale-circle').meta({ description: 'This overlay is a scale circle.' }),
    name: localized('Shown in the legend and the credits; say that it shows size, not a border.', {
      en: 'A circle of 1,084 km², the reservoir’s area (for scale)',
      zh: '面积 1084 平方公里的圆，与水库面积相同（仅示意大小）',
    }),
    center: ref('the place the circle is centred on', 'yichang'),
    area_km2: z
      .number()
      .positive()
      .meta({ description: 'The area the circle shows, in km².', examples: [1084] }),
    label: localized(
      'The words drawn on the map beside the circle, with {area} for its area; plain words otherwise.',
      {
        en: '{area}: the reservoir’s size, not its shore',
        zh: '{area}：水库的大小，并非其岸线',
      },
    ).optional(),
    source: ref('a source in story.yaml', 'article'),
  })
  .meta({ description: 'A circle of a given area, to show the size of something (never its border).' });
export const overlaySchema = z.discriminatedUnion('kind', [routeSchema, circleSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? 'needs "kind: route" or "kind: scale-circle"' : undefined),
});
export const overlaysSchema = z.record(id, overlaySchema).meta({
  title: 'overlays.yaml',
  description:
    'Lines and shapes the chapters can show, by id (a chapter lists them under "layers"). Optional file.',
});

const positive = z.number().positive('must be a positive number');
const template = z
  .string()
  .trim()
  .refine((s) => s.includes('{n}'), 'must contain {n} where the number goes');
export const figureSchema = z
  .strictObject({
    kind: z.enum(['series', 'number']).meta({
      description: '"number": one value, shown as a number; "series": values in order, drawn as a chart.',
      examples: ['series'],
    }),
    label: localized('What the figure counts.', { en: 'Annual power output', zh: '年发电量' }),
    unit: localized('The unit of the values, in each language.', { en: 'TWh', zh: '亿千瓦时' }),
    factor: z
      .strictObject(
        { en: positive, zh: positive },
        { error: (iss) => (iss.input === undefined ? undefined : `must be two numbers: { en: 1, zh: 10 }`) },
      )
      .default({ en: 1, zh: 1 })
      .meta({
        description:
          'Each language shows value × factor, so that the number suits its unit (100.2 billion = 1002 亿). ' +
          'Two numbers: { en: 1, zh: 10 }.',
        examples: [{ en: 1, zh: 10 }],
      }),
    format: z
      .strictObject(
        { en: template, zh: template },
        { error: (iss) => (iss.input === undefined ? undefined : `must be two languages: ${TWO_LANGUAGES}`) },
      )
      .optional()
      .meta({
        description:
          'How a value reads in a sentence, with {n} where the number goes; "{n} unit" when absent. ' +
          `Two languages: ${TWO_LANGUAGES}.`,
        examples: [{ en: '{n} TWh', zh: '{n} 亿千瓦时' }],
      }),
    values: z
      .array(
        z.strictObject({
          label: z
            .union([text, localized('The value’s label.', { en: '2020', zh: '2020 年' })], {
              error: `must be text, or two languages: ${TWO_LANGUAGES}`,
            })
            .meta({ description: `The value's label: one text for both languages, or ${TWO_LANGUAGES}.` }),
          value: z.number().meta({ description: 'The number, in the unit.' }),
        }),
      )
      .min(1, 'a figure needs at least one value')
      .meta({
        description: 'For "number": one value; for "series": the points in order.',
        examples: [
          [
            { label: '2012', value: 98.1 },
            { label: { en: '2020', zh: '2020 年' }, value: 111.8 },
          ],
        ],
      }),
    source: ref('a source in story.yaml', 'article'),
  })
  .meta({ description: 'A number or a series the chapters show.' });
export const figuresSchema = z.record(id, figureSchema).meta({
  title: 'figures.yaml',
  description: 'The numbers the chapters show, by id (a chapter lists them under "figures"). Optional file.',
});
