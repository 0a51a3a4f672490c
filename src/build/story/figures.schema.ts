// The shape of figures.yaml: numbers and series by id, each with its label, unit, factor and format
// for each of the story's languages, and its source. Read by figures.ts.
import { z } from 'zod';
import type { Lang } from '../../lib/story/types.ts';
import { id, ref } from './fields.ts';
import { labelText, localized, perLanguageValue, textShape, type StoryLanguages } from './languages.ts';

const positive = z.number().positive('must be a positive number');
const template = z
  .string()
  .trim()
  .refine((s) => s.includes('{n}'), 'must contain {n} where the number goes');

/** How the factor is written for the story's languages: `{ en: 1, zh: 10 }`. */
const factorShape = (langs: readonly Lang[] | undefined) =>
  `{ ${(langs ?? ['en', 'zh']).map((l, i) => `${l}: ${i ? 10 : 1}`).join(', ')} }`;

export function figureSchema(langs: StoryLanguages) {
  return z
    .strictObject({
      kind: z.enum(['series', 'number']).meta({
        description: '"number": one value, shown as a number; "series": values in order, drawn as a chart.',
        examples: ['series'],
      }),
      label: localized(langs, 'What the figure counts.', { en: 'Annual power output', zh: '年发电量' }),
      unit: localized(langs, 'The unit of the values, in each language.', { en: 'TWh', zh: '亿千瓦时' }),
      factor: perLanguageValue(langs, () => positive, factorShape)
        .optional()
        .meta({
          description:
            'Each language shows value × factor, so that the number suits its unit (100.2 billion = 1002 亿); ' +
            '1 for every language when absent. A number for each of the story’s languages: { en: 1, zh: 10 }.',
          examples: [{ en: 1, zh: 10 }],
        }),
      format: perLanguageValue(langs, () => template, textShape)
        .optional()
        .meta({
          description:
            'How a value reads in a sentence, with {n} where the number goes; "{n} unit" when absent. ' +
            'In each of the story’s languages: { en: "…", zh: "…" }.',
          examples: [{ en: '{n} TWh', zh: '{n} 亿千瓦时' }],
        }),
      values: z
        .array(
          z.strictObject({
            label: labelText(
              langs,
              'The value’s label: one text for every language, or one in each of the story’s languages { en: "…", zh: "…" }.',
            ),
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
}

export function figuresSchema(langs: StoryLanguages) {
  return z.record(id, figureSchema(langs)).meta({
    title: 'figures.yaml',
    description:
      'The numbers the chapters show, by id (a chapter lists them under "figures"). Optional file.',
  });
}
