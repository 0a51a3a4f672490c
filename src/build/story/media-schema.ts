// A chapter's `media:` list, as an author writes it: photographs, illustrations and videos, each
// with its alt text and caption in the story's languages, its source and, optionally, the place it
// is pinned to. What the fields must say of each other (alt unless decorative, a video's poster,
// captions when someone speaks) is checked with the files in media.ts, where each problem gets its
// own message; the files themselves are checked when they are built (src/build/media).
//
// The two-language values and ids come from the chapter schema (passed in, so that this module and
// schema.ts do not import each other): they follow the story's languages from there.
import { z } from 'zod';
import type { Localized } from '../../lib/story/types.ts';

/** A file in the story folder, by its path from the folder: never outside it. */
const PATH = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const PATH_MESSAGE =
  'must be the path of a file in the story folder, such as media/yichang-port.jpg ' +
  '(letters, digits, "-", "_", "." and "/"; never outside the folder)';

export const storyPath = z.string().regex(PATH, PATH_MESSAGE);
/** Why `file` is not a path inside the story folder, or undefined when it is one. */
export const pathProblem = (file: string): string | undefined => (PATH.test(file) ? undefined : PATH_MESSAGE);

export function mediaListSchema(parts: {
  /** A text in each of the story's languages (schema.ts `localized`). */
  localized: (description: string, example: Localized) => z.ZodType<Localized>;
  /** The id of an item of another story file (schema.ts `ref`). */
  ref: (what: string, example: string) => z.ZodString;
}) {
  const { localized, ref } = parts;
  const item = z
    .strictObject({
      file: storyPath.meta({
        description:
          'The picture or video: a file in the story folder. Photographs: JPEG, PNG, WebP or AVIF; ' +
          'illustrations: SVG; short videos: MP4 or WebM.',
        examples: ['media/yichang-port.jpg'],
      }),
      alt: localized(
        'What the picture shows, read by screen readers in place of it. Required, unless "decorative".',
        { en: 'Containers stacked on the quay, a ship alongside', zh: '码头上堆放的集装箱，一艘船停靠在旁' },
      ).optional(),
      caption: localized('Shown under the picture.', {
        en: 'The port of Yichang, below the dam',
        zh: '大坝下游的宜昌港',
      }).optional(),
      source: ref('the source in story.yaml that made the picture (its credit and licence)', 'port-photos'),
      based_on: z
        .array(ref('a source in story.yaml', 'article'))
        .default([])
        .meta({
          description:
            'The sources whose facts the picture shows: for an illustration, what it was drawn from.',
          examples: [['article']],
        }),
      place: ref(
        'a place of the chapter (one of its "places") to pin the picture to on the map',
        'yichang',
      ).optional(),
      decorative: z
        .boolean()
        .default(false)
        .meta({
          description:
            'The picture only decorates: screen readers skip it, and it has no "alt". Not for a picture that tells something.',
          examples: [true],
        }),
      illustration: z
        .boolean()
        .optional()
        .meta({
          description:
            'A drawing, chart or diagram rather than a photograph: readers are told it is an illustration. ' +
            'An SVG always is one; say it of a JPEG, PNG, WebP or AVIF that is drawn.',
          examples: [true],
        }),
      poster: storyPath.optional().meta({
        description:
          "A video's still picture (JPEG, PNG, WebP or AVIF), shown before it plays and on paper. Required for a video.",
        examples: ['media/launch-poster.jpg'],
      }),
      speech: z
        .boolean()
        .default(false)
        .meta({
          description:
            'Someone speaks in the video (or it has words to hear): then "captions" are required, in every language.',
          examples: [true],
        }),
      captions: localized("A video's captions: a WebVTT file (.vtt) in the story folder for each language.", {
        en: 'media/launch.en.vtt',
        zh: 'media/launch.zh.vtt',
      }).optional(),
    })
    .meta({
      description: 'A picture or a short video shown with the chapter.',
      examples: [
        {
          file: 'media/yichang-port.jpg',
          alt: { en: 'Containers stacked on the quay', zh: '码头上堆放的集装箱' },
          source: 'port-photos',
          place: 'yichang',
        },
      ],
    });
  return z
    .array(item)
    .default([])
    .meta({
      description:
        'Pictures and short videos shown with the chapter, in this order (see "Pictures and videos" below).',
      examples: [
        [
          {
            file: 'media/yichang-port.jpg',
            alt: { en: 'Containers stacked on the quay', zh: '码头上堆放的集装箱' },
            source: 'port-photos',
          },
        ],
      ],
    });
}

export type MediaInput = z.infer<ReturnType<typeof mediaListSchema>>[number];
