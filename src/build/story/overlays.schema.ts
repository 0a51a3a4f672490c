// The shape of overlays.yaml: routes and scale circles by id, each with its name in the story's
// languages and its source. Read by overlays.ts.
import { z } from 'zod';
import { id, lngLat, ref } from './fields.ts';
import { localized, type StoryLanguages } from './languages.ts';

function routeSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      kind: z.literal('route').meta({ description: 'This overlay is a route.' }),
      name: localized(langs, 'Shown in the legend and the credits.', {
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
}

function circleSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      kind: z.literal('scale-circle').meta({ description: 'This overlay is a scale circle.' }),
      name: localized(langs, 'Shown in the legend and the credits; say that it shows size, not a border.', {
        en: 'A circle of 1,084 km², the reservoir’s area (for scale)',
        zh: '面积 1084 平方公里的圆，与水库面积相同（仅示意大小）',
      }),
      center: ref('the place the circle is centred on', 'yichang'),
      area_km2: z
        .number()
        .positive()
        .meta({ description: 'The area the circle shows, in km².', examples: [1084] }),
      label: localized(
        langs,
        'The words drawn on the map beside the circle, with {area} for its area; plain words otherwise.',
        {
          en: '{area}: the reservoir’s size, not its shore',
          zh: '{area}：水库的大小，并非其岸线',
        },
      ).optional(),
      source: ref('a source in story.yaml', 'article'),
    })
    .meta({ description: 'A circle of a given area, to show the size of something (never its border).' });
}

export function overlaySchema(langs: StoryLanguages) {
  return z.discriminatedUnion('kind', [routeSchema(langs), circleSchema(langs)], {
    error: (iss) =>
      iss.code === 'invalid_union' ? 'needs "kind: route" or "kind: scale-circle"' : undefined,
  });
}
export type OverlayInput = z.infer<ReturnType<typeof overlaySchema>>;

export function overlaysSchema(langs: StoryLanguages) {
  return z.record(id, overlaySchema(langs)).meta({
    title: 'overlays.yaml',
    description:
      'Lines and shapes the chapters can show, by id (a chapter lists them under "layers"). Optional file.',
  });
}
