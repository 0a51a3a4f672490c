// Turns a story folder (plain files an author edits) into the typed Story the app reads. Each file
// is read and checked by its own module, then what the files name in each other is checked
// (references.ts). Every problem is reported with the file, the line, the chapter and the field,
// each once, and all at once, so that one run shows everything to fix.
import { basemapMaxZoom } from '../basemap/archive.ts';
import type { Story } from '../../lib/story/types.ts';
import { readChapters } from './chapters.ts';
import { StoryContext, type Files } from './context.ts';
import { readFigures } from './figures.ts';
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
   * The basemap archive the app serves: its header's max zoom is the closest a chapter may go (the
   * one copy of that fact). Default: the embedded archive, `static/basemap.pmtiles`.
   */
  archive?: string;
}

export const DEFAULT_ARCHIVE = 'static/basemap.pmtiles';

export function compileStory(files: Files, opts: CompileOptions): Story {
  const ctx = new StoryContext(files, opts.dir);
  const { meta, sources } = readStoryFile(ctx);
  const places = readPlaces(ctx);
  const overlayFile = readOverlays(ctx);
  const figureFile = readFigures(ctx);
  const chapters = readChapters(ctx, meta?.dwell);

  const overlays = resolveOverlays(ctx, overlayFile.file, overlayFile.inputs, places);
  checkSourceRefs(ctx, sources, overlayFile, figureFile);
  const archive = opts.archive ?? DEFAULT_ARCHIVE;
  checkChapterRefs(ctx, chapters, { sources, places, overlays, figures: figureFile.figures });
  resolveRouteEnds(ctx, chapters, { places, overlays });
  checkZoom(ctx, chapters, { archive, maxZoom: basemapMaxZoom(archive) });
  checkCredits(ctx, chapters, [...overlays.items.values()], [...figureFile.figures.items.values()]);

  if (ctx.problems.list.length || !meta) throw new StoryError(ctx.problems.list);
  return {
    id: meta.id,
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
  };
}
