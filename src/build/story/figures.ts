// figures.yaml (optional): the numbers the chapters show, each checked on its own.
import { z } from 'zod';
import type { Figure, Lang, Localized } from '../../lib/story/types.ts';
import { Catalogue, type StoryContext } from './context.ts';
import type { SourceFile } from './problems.ts';
import { figureSchema } from './schema.ts';

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
  for (const [fid, raw] of Object.entries(top.data)) {
    if (!ctx.validKey(file, [], fid, 'figure')) continue;
    const parsed = figureSchema.safeParse(raw);
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
      factor: f.factor,
      format: f.format ?? localize((l) => `{n} ${f.unit[l]}`),
      values: f.values.map((v) => ({
        label: typeof v.label === 'string' ? { en: v.label, zh: v.label } : v.label,
        value: v.value,
      })),
      source: f.source,
    });
  }
  return { file, figures };
}

function localize<T>(f: (l: Lang) => T): Localized<T> {
  return { en: f('en'), zh: f('zh') };
}
