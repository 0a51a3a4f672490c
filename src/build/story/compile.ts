// Turns a story folder (plain files an author edits) into the typed Story the app reads. Each file
// is read and checked by its own module, then what the files name in each other is checked
// (references.ts). Every problem is reported with the file, the line, the chapter and the field,
// each once, and all at once, so that one run shows everything to fix.
import { resolve } from 'node:path';
import type { Story } from '../../lib/story/types.ts';
import { readBasemapSetting } from './basemap-setting.ts';
import { readChapters } from './chapters.ts';
import { StoryContext, type Files } from './context.ts';
import { readFigures } from './figures.ts';
import { resolveMedia } from './media.ts';
import { readOverlays } from './overlays.ts';
import { readPlaces } from './places.ts';
import { StoryError } from './problems.ts';
import {
  checkChapterRefs,
  checkZoom,
  checkCredits,
  checkSourceRefs,
  resolveOverlays,
  resolveRouteEnds,
} from './references.ts';
import { readStoryFile } from './story-file.ts';

export { formatProblem, StoryError, type StoryProblem } from './problems.ts';
export { routeGeometry } from './overlays.ts';

export interface CompileOptions {
  /** Folder of the story relative to the project root, used in messages only. */
  dir: string;
  /**
   * The story folder on disk, where an archive its story.yaml names is read (`basemap.archive`).
   * Default: `dir` from the working directory. The archive's header (the embedded one's unless the
   * story names its own) gives the closest zoom a chapter may use: the one copy of that fact.
   */
  folder?: string;
}

export function compileStory(files: Files, opts: CompileOptions): Story {
  const ctx = new StoryContext(files, opts.dir);
  const { meta, sources } = readStoryFile(ctx);
  const places = readPlaces(ctx);
  const overlayFile = readOverlays(ctx);
  const figureFile = readFigures(ctx);
  const chapters = readChapters(ctx, meta?.dwell);

  const overlays = resolveOverlays(ctx, overlayFile.file, overlayFile.inputs, places);
  checkSourceRefs(ctx, sources, overlayFile, figureFile);
  const basemap = readBasemapSetting(ctx, meta, opts.folder ?? resolve(opts.dir));
  checkChapterRefs(ctx, chapters, { sources, places, overlays, figures: figureFile.figures });
  resolveMedia(ctx, chapters, { sources, places });
  resolveRouteEnds(ctx, chapters, { places, overlays });
  if (basemap) checkZoom(ctx, chapters, basemap);
  checkCredits(ctx, chapters, [...overlays.items.values()], [...figureFile.figures.items.values()]);

  if (ctx.problems.list.length || !meta) throw new StoryError(ctx.problems.list);
  return {
    id: meta.id,
    languages: meta.languages,
    title: meta.title,
    subtitle: meta.subtitle,
    byline: meta.byline,
    chapters: chapters.map((e) => e.chapter),
    places: [...places.items.values()],
    overlays: [...overlays.items.values()],
    figures: [...figureFile.figures.items.values()],
    sources: [...sources.items.values()],
    ...(meta.preview ? { preview: meta.preview } : {}),
    ...(meta.basemap?.notes ? { basemapNotes: meta.basemap.notes } : {}),
    basemapKind: basemap?.kind ?? 'embedded',
  };
}
