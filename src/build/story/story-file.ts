// story.yaml: the story's languages (read first: every text of the story is checked against
// them), the title, the settings (kiosk dwell, basemap notes, preview), and the catalogue of
// sources. Each source is checked on its own, so that one broken source does not hide the others.
import { z } from 'zod';
import type { SourceRef } from '../../lib/story/types.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { languagesSchema } from './languages.ts';
import type { SourceFile } from './problems.ts';
import { sourceSchema, storySchema, type StoryInput } from './story-file.schema.ts';

export type StoryMeta = Omit<StoryInput, 'sources'>;

export function readStoryFile(ctx: StoryContext): {
  meta: StoryMeta | undefined;
  sources: Catalogue<SourceRef>;
} {
  const sources = new Catalogue<SourceRef>(
    'source',
    (sid) => `source "${sid}" is not listed under "sources" in ${ctx.rel('story.yaml')}`,
  );
  const file = ctx.read('story.yaml');
  if (!file) {
    sources.checkable = false;
    return { meta: undefined, sources };
  }
  const data = file.data() ?? {};
  ctx.languages = readLanguages(ctx, file, data);
  const topSchema = storySchema(ctx.languages).extend({
    // Checked above, and each source below, on its own.
    languages: z.unknown().optional(),
    sources: z.record(z.string(), z.unknown()),
  });
  const top = topSchema.safeParse(data);
  if (!top.success) ctx.problems.zod(file, top.error);
  const raw = top.success ? top.data.sources : sourcesOf(data);
  if (!raw) sources.checkable = false;
  const source = sourceSchema(ctx.languages);
  for (const [sid, value] of Object.entries(raw ?? {})) {
    if (!ctx.validKey(file, ['sources'], sid, 'source')) continue;
    const parsed = source.safeParse(value);
    if (parsed.success) sources.items.set(sid, { id: sid, ...parsed.data });
    else
      sources.invalid.set(
        sid,
        ctx.firstProblem(() => ctx.problems.zod(file, parsed.error, { prefix: ['sources', sid] }))!,
      );
  }
  if (!top.success || !ctx.languages) return { meta: undefined, sources };
  const { sources: _, ...rest } = top.data;
  return { meta: { ...rest, languages: [...ctx.languages] }, sources };
}

/** The story's languages, or undefined (each problem reported at its line) when the list is wrong. */
function readLanguages(ctx: StoryContext, file: SourceFile, data: unknown) {
  const value = data && typeof data === 'object' ? (data as { languages?: unknown }).languages : undefined;
  const parsed = languagesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  ctx.problems.zod(file, parsed.error, { prefix: ['languages'] });
  return undefined;
}

/** The sources of a story.yaml that is wrong elsewhere, so that they can still be checked. */
function sourcesOf(data: unknown): Record<string, unknown> | undefined {
  const s = data && typeof data === 'object' ? (data as { sources?: unknown }).sources : undefined;
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : undefined;
}
