// The shape of places.geojson: a GeoJSON FeatureCollection of points, each with its names in the
// story's languages, its province, source and accuracy. Read by places.ts.
import { z } from 'zod';
import { id, lngLat, text } from './fields.ts';
import { placeNames, undeclaredNames, type StoryLanguages } from './languages.ts';

export function placeSchema(langs: StoryLanguages) {
  return z
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
          ...placeNames(langs, { en: 'Wuhan', zh: '武汉', fr: 'Wuhan', es: 'Wuhan' }),
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
        .superRefine(undeclaredNames(langs), { when: () => true })
        .meta({
          description:
            'What the place is called (name_<language> for each of the story’s languages: name_en, name_zh, …), and how it is known.',
        }),
    })
    .meta({ description: 'One place: a GeoJSON point feature.' });
}

export function placesSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      $schema: z
        .string()
        .optional()
        .meta({
          description: 'The JSON Schema editors check the file with (ignored by the build).',
          examples: ['../../../docs/schema/places.schema.json'],
        }),
      type: z.literal('FeatureCollection').meta({ description: 'Always "FeatureCollection".' }),
      features: z.array(placeSchema(langs)).meta({ description: 'The places, one point feature each.' }),
    })
    .meta({
      title: 'places.geojson',
      description: "The story's places: a GeoJSON FeatureCollection of points (WGS84).",
    });
}
