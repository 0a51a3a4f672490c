// story.yaml: the title, the settings (kiosk dwell, basemap notes, preview), and the catalogue of sources. Each source is
// checked on its own, so that one broken source does not hide the others.
import { z } from 'zod';
import type { SourceRef } from '../../lib/story/types.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { sourceSchema, storySchema, type StoryInput } from './schema.ts';

export type StoryMeta = Omit<StoryInput, 'sources'>;

const topSchema = storySchema.extend({ sources: z.record(z.string(), z.unknown()) });

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
  const top = topSchema.safeParse(file.data() ?? {});
  if (!top.success) ctx.problems.zod(file, top.error);
  const raw = top.success ? top.data.sources : sourcesOf(file.data());
  if (!raw) sources.checkable = false;
  for (const [sid, value] of Object.entries(raw ?? {})) {
    if (!ctx.validKey(file, ['sources'], sid, 'source')) continue;
    const parsed = sourceSchema.safeParse(value);
    if (parsed.success) sources.items.set(sid, { id: sid, ...parsed.data });
    else
      sources.invalid.set(
        sid,
        ctx.firstProblem(() => ctx.problems.zod(file, parsed.error, { prefix: ['sources', sid] }))!,
      );
  }
  if (!top.success) return { meta: undefined, sources };
  const { sources: _, ...meta } = top.data;
  return { meta, sources };
}

/** The sources of a story.yaml that is wrong elsewhere, so that they can still be checked. */
function sourcesOf(data: unknown): Record<string, unknown> | undefined {
  const s = data && typeof data === 'object' ? (data as { sources?: unknown }).sources : undefined;
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : undefined;
}
