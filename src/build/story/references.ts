// What one story file names in another: overlays name places and sources, figures name sources,
// chapters name places, overlays, figures and sources; the credits chapter names every source
// used. A reference to an item that exists but is broken points at that item's problem.
import type { Figure, LngLat, Overlay, Place, SourceRef } from '../../lib/story/types.ts';
import type { ChapterEntry } from './chapters.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { buildOverlay, type OverlayInput } from './overlays.ts';
import type { SourceFile } from './problems.ts';

/** The overlays whose places all exist, with their geometry; the others are invalid where they are. */
export function resolveOverlays(
  ctx: StoryContext,
  file: SourceFile | undefined,
  inputs: Catalogue<OverlayInput>,
  places: Catalogue<Place>,
): Catalogue<Overlay> {
  const overlays = new Catalogue<Overlay>(
    'layer',
    (oid) => `layer "${oid}" does not exist (see ${ctx.rel('overlays.yaml')})`,
  );
  overlays.checkable = inputs.checkable;
  for (const [oid, where] of inputs.invalid) overlays.invalid.set(oid, where);
  if (!file) return overlays;
  for (const [oid, o] of inputs.items) {
    const refs: [string | LngLat, PropertyKey[]][] =
      o.kind === 'route' ? o.via.map((v, i) => [v, [oid, 'via', i]]) : [[o.center, [oid, 'center']]];
    const points: LngLat[] = [];
    const where = ctx.firstProblem(() => {
      for (const [v, path] of refs) {
        if (typeof v !== 'string') points.push(v);
        else {
          const place = places.get(v);
          const problem = places.problemWith(v);
          if (place) points.push(place.coordinates);
          else if (problem) ctx.problems.at(file, path, problem);
        }
      }
    });
    if (where) overlays.invalid.set(oid, where);
    else if (points.length === refs.length) overlays.items.set(oid, buildOverlay(oid, o, points));
  }
  return overlays;
}

/** Every source named by an overlay, a figure or a chapter is in the catalogue of story.yaml. */
export function checkSourceRefs(
  ctx: StoryContext,
  sources: Catalogue<SourceRef>,
  overlays: { file: SourceFile | undefined; inputs: Catalogue<OverlayInput> },
  figures: { file: SourceFile | undefined; figures: Catalogue<Figure> },
): void {
  const check = (file: SourceFile, sid: string, path: PropertyKey[], chapter?: string, field?: string) => {
    const problem = sources.problemWith(sid);
    if (problem) ctx.problems.at(file, path, problem, chapter, field);
  };
  if (overlays.file)
    for (const [oid, o] of overlays.inputs.items) check(overlays.file, o.source, [oid, 'source']);
  if (figures.file)
    for (const [fid, f] of figures.figures.items) check(figures.file, f.source, [fid, 'source']);
}

/** What each chapter names exists and is valid; its zoom is within the basemap's data. */
export function checkChapterRefs(
  ctx: StoryContext,
  chapters: ChapterEntry[],
  catalogues: {
    sources: Catalogue<SourceRef>;
    places: Catalogue<Place>;
    overlays: Catalogue<Overlay>;
    figures: Catalogue<Figure>;
  },
): void {
  const { sources, places, overlays, figures } = catalogues;
  for (const { chapter: c, front } of chapters) {
    const refs = (list: string[], field: string, catalogue: Catalogue<unknown>) =>
      list.forEach((x, i) => {
        const problem = catalogue.problemWith(x);
        if (problem) ctx.problems.at(front, [field, i], problem, c.id, `${field}[${i}]`);
      });
    refs(c.places, 'places', places);
    refs(c.highlight, 'highlight', places);
    refs(c.layers, 'layers', overlays);
    refs(c.figures, 'figures', figures);
    refs(c.sources, 'sources', sources);
    c.highlight.forEach((h, i) => {
      if (places.get(h) && !c.places.includes(h))
        ctx.problems.at(
          front,
          ['highlight', i],
          `place "${h}" is highlighted but not listed in "places"`,
          c.id,
          `highlight[${i}]`,
        );
    });
  }
}

/** No chapter closer than the basemap's data goes (its archive's own max zoom). */
export function checkZoom(
  ctx: StoryContext,
  chapters: ChapterEntry[],
  basemap: { archive: string; maxZoom: number },
): void {
  for (const { chapter: c, front } of chapters) {
    if (c.camera.zoom > basemap.maxZoom)
      ctx.problems.at(
        front,
        ['camera', 'zoom'],
        `zoom ${c.camera.zoom} is closer than the basemap's data supports (${basemap.archive} goes to zoom ${basemap.maxZoom})`,
        c.id,
      );
  }
}

/** One credits chapter, and it names every source the story uses, so that nothing goes uncredited. */
export function checkCredits(
  ctx: StoryContext,
  chapters: ChapterEntry[],
  overlays: Overlay[],
  figures: Figure[],
): void {
  const credits = chapters.filter((e) => e.chapter.credits);
  for (const e of credits.slice(1))
    ctx.problems.at(
      e.front,
      ['credits'],
      `only one chapter may be the credits chapter (the first is in ${credits[0]!.front.at(['credits'])})`,
      e.chapter.id,
    );
  const first = credits[0];
  if (!first) return;
  const used = new Map<string, string>();
  const use = (sid: string, where: string) => void (used.has(sid) || used.set(sid, where));
  for (const { chapter: c } of chapters) for (const s of c.sources) use(s, `chapter "${c.id}"`);
  for (const o of overlays) use(o.source, `layer "${o.id}" in ${ctx.rel('overlays.yaml')}`);
  for (const f of figures) use(f.source, `figure "${f.id}" in ${ctx.rel('figures.yaml')}`);
  for (const [sid, where] of used)
    if (!first.chapter.sources.includes(sid))
      ctx.problems.at(
        first.front,
        ['sources'],
        `the credits chapter must list source "${sid}" (used by ${where})`,
        first.chapter.id,
      );
}
