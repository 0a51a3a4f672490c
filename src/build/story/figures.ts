// figures.yaml (optional): the numbers the chapters show, each checked on its own.
import { z } from 'zod';
import type { Figure, Lang, Localized } from '../../lib/story/types.ts';
import { STRINGS } from '../../lib/i18n/strings.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { figureSchema } from './figures.schema.ts';
import type { SourceFile } from './problems.ts';

export function readFigures(ctx: StoryContext): { file: SourceFile | undefined; figures: Catalogue<Figure> } {
  const figures = new Catalogue<Figure>(
    'figure',
    (fid) => `figure "${fid}" does not exist (see ${ctx.rel('figures.yaml')})`,
  );
  const present = ctx.files.has('figures.yaml');
  const file = ctx.read('figures.yaml', true);
  if (present && !file) figures.checkable = false;
  if (!file) return { file, figures };
  const top = z.record(z.string(), z.unknown()).safeParse(file.data() ?? {});
  if (!top.success) {
    ctx.problems.at(file, [], 'must map each figure id to its fields (id: then kind, label, …)');
    figures.checkable = false;
    return { file, figures };
  }
  const langs = ctx.languages ?? [];
  const figure = figureSchema(ctx.languages);
  for (const [fid, raw] of Object.entries(top.data)) {
    if (!ctx.validKey(file, [], fid, 'figure')) continue;
    const parsed = figure.safeParse(raw);
    if (!parsed.success) {
      figures.invalid.set(
        fid,
        ctx.firstProblem(() => ctx.problems.zod(file, parsed.error, { prefix: [fid] }))!,
      );
      continue;
    }
    const f = parsed.data;
    figures.items.set(fid, {
      id: fid,
      kind: f.kind,
      label: f.label,
      unit: f.unit,
      factor: f.factor ?? localize(langs, () => 1),
      // "{n} unit", as the language writes a number and its unit (French: a no-break space).
      format: f.format ?? localize(langs, (l) => STRINGS[l].withUnit('{n}', f.unit[l]!)),
      values: f.values.map((v) => ({ label: v.label, value: v.value })),
      source: f.source,
    });
  }
  return { file, figures };
}

function localize<T>(langs: readonly Lang[], f: (l: Lang) => T): Localized<T> {
  return Object.fromEntries(langs.map((l) => [l, f(l)]));
}
