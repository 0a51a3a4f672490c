// The shape of a chapter's front matter (the YAML between the two "---" lines of
// chapters/NN-name.md): its id, title and map description in the story's languages, the camera,
// and what the map shows. Read by chapters.ts, which also reads the text sections that follow.
import { z } from 'zod';
import { id, lngLat, ref } from './fields.ts';
import { localized, type StoryLanguages } from './languages.ts';
import { mediaListSchema } from './media-schema.ts';

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

export function chapterSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      id: id.meta({
        description: 'Names the chapter in links (#id); unique in the story.',
        examples: ['north'],
      }),
      title: localized(langs, 'The chapter heading.', { en: 'Across the Yellow River', zh: '跨过黄河' }),
      description: localized(
        langs,
        'What the MAP shows, in words: read by screen readers and printed in the handout.',
        { en: 'A map of central China with the city marked.', zh: '中国中部地图，标出了这座城市。' },
      ),
      camera: cameraSchema,
      places: z
        .array(ref('a place in places.geojson', 'wuhan'))
        .default([])
        .meta({
          description: 'Places drawn on the map during the chapter.',
          examples: [['wuhan', 'yichang']],
        }),
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
      media: mediaListSchema({ localized: (d, e) => localized(langs, d, e), ref }),
    })
    .meta({
      title: 'Chapter front matter',
      description:
        'The YAML between the two "---" lines at the top of chapters/NN-name.md. Chapters play in ' +
        'file-name order; the text follows in a "::: <language>" section for each of the story’s ' +
        'languages ("::: en", "::: zh", …), speaker notes in "::: notes <language>".',
    });
}
export type ChapterInput = z.infer<ReturnType<typeof chapterSchema>>;
