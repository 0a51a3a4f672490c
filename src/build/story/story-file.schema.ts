// The shape of story.yaml: the story's id, its languages, its title, the catalogue of sources every
// other file cites, and its settings. Read by story-file.ts; every field carries a description and
// an example, from which docs/story-format.md and the editors' JSON Schemas are made (docs.ts).
import { z } from 'zod';
import { BASEMAP_KINDS } from '../../lib/story/types.ts';
import { id, text } from './fields.ts';
import { languagesSchema, localized, type StoryLanguages } from './languages.ts';

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

export function sourceSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      title: localized(langs, 'What the source is called.', {
        en: 'Yangtze River Yearbook 2020',
        zh: '长江年鉴 2020',
      }),
      publisher: text.meta({
        description: 'Who publishes it: a newspaper, an agency, a data project.',
        examples: ['Natural Earth'],
      }),
      licence: text
        .optional()
        .meta({ description: 'Its licence, when it has one.', examples: ['CC BY 4.0'] }),
      url: z
        .url()
        .optional()
        .meta({
          description: 'Where readers can find it (shown as text; the app never fetches it).',
          examples: ['https://www.naturalearthdata.com/'],
        }),
      note: localized(langs, 'What the source supplies in this story, shown in the credits.', {
        en: 'The dam height and the reservoir length.',
        zh: '大坝高度和水库长度。',
      }).optional(),
    })
    .meta({ description: 'A source the chapters, places, overlays and figures cite by its id.' });
}

export function storySchema(langs: StoryLanguages) {
  return z
    .strictObject({
      id: id.meta({
        description: 'Names the story; lower-case letters, digits and hyphens.',
        examples: ['three-gorges'],
      }),
      languages: languagesSchema,
      title: localized(langs, 'The story title (the page title and the first heading).', {
        en: 'The Grand Canal',
        zh: '大运河',
      }),
      subtitle: localized(langs, 'One sentence under the title; also the page description.', {
        en: 'How an inland river city became a gateway',
        zh: '内陆江城如何成为门户',
      }),
      byline: localized(langs, 'What the story is based on, in a sentence.', {
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
            langs,
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
      sources: z.record(id, sourceSchema(langs)).meta({
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
        'The story: its languages, title, the catalogue of sources, and settings (kiosk dwell, basemap, preview picture).',
    });
}
export type StoryInput = z.infer<ReturnType<typeof storySchema>>;
