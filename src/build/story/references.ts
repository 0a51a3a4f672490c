// What one story file names in another: overlays name places and sources, figures name sources,
// chapters name places, overlays, figures and sources; the credits chapter names every source
// used. A reference to an item that exists but is broken points at that item's problem.
import type { Figure, LngLat, Overlay, Place, SourceRef } from '../../lib/story/types.ts';
import { layerId, type ChapterEntry } from './chapters.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { mediaSources } from './media.ts';
import { buildOverlay, type OverlayInput } from './overlays.ts';
import type { SourceFile } from './problems.ts';
import { ROUTE_TO_TOLERANCE_KM } from './chapters.schema.ts';
import { nearestOnRoute, partKm, sliceDrawn } from '../../lib/map/route-draw.ts';

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
  for (const { chapter: c, front, input } of chapters) {
    const refs = (list: string[], field: string, catalogue: Catalogue<unknown>) =>
      list.forEach((x, i) => {
        const problem = catalogue.problemWith(x);
        if (problem) ctx.problems.at(front, [field, i], problem, c.id, `${field}[${i}]`);
      });
    refs(c.places, 'places', places);
    refs(c.highlight, 'highlight', places);
    c.layers.forEach((x, i) => {
      const problem = overlays.problemWith(x);
      const path = typeof input.layers[i] === 'string' ? ['layers', i] : ['layers', i, 'route'];
      if (problem) ctx.problems.at(front, path, problem, c.id, `layers[${i}]`);
    });
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

/**
 * How far each chapter draws the routes it gives a `to:` (chapter.routeEnds): a fraction as it is,
 * a place as the fraction of the route at the route's point nearest to it, which must be near; and
 * how long that drawn part is when it is not the whole route (chapter.routeEndKm, for the legend).
 */
export function resolveRouteEnds(
  ctx: StoryContext,
  chapters: ChapterEntry[],
  catalogues: { places: Catalogue<Place>; overlays: Catalogue<Overlay> },
): void {
  const { places, overlays } = catalogues;
  for (const { chapter: c, front, input } of chapters) {
    const ends: Record<string, number> = {};
    const km: Record<string, number> = {};
    input.layers.forEach((entry, i) => {
      if (typeof entry === 'string') return;
      const overlay = overlays.get(entry.route);
      if (!overlay) return; // reported where the layer is named (checkChapterRefs)
      const field = `layers[${i}].to`;
      const at = (path: PropertyKey[], message: string, name = field) =>
        ctx.problems.at(front, ['layers', i, ...path], message, c.id, name);
      if (overlay.kind !== 'route' || overlay.geometry.type !== 'LineString')
        return at(
          ['route'],
          `layer "${entry.route}" is a ${overlay.kind}: only a route can be drawn part of the way ("to")`,
          `layers[${i}]`,
        );
      // Listed again (before, or by its id alone): which end would the chapter mean?
      if (input.layers.some((l, j) => layerId(l) === entry.route && (j < i || typeof l === 'string')))
        return at(['route'], `route "${entry.route}" is listed twice`, `layers[${i}]`);
      const end = (fraction: number) => {
        ends[entry.route] = fraction;
        if (fraction >= 1) return;
        const drawn = partKm(sliceDrawn(overlay.geometry.coordinates as LngLat[], fraction));
        km[entry.route] = Math.round(drawn * 10) / 10;
      };
      if (typeof entry.to === 'number') return end(entry.to);
      const place = places.get(entry.to);
      if (!place) {
        const problem = places.problemWith(entry.to);
        if (problem) at(['to'], problem);
        return;
      }
      const near = nearestOnRoute(overlay.geometry.coordinates, place.coordinates);
      if (near.km > ROUTE_TO_TOLERANCE_KM)
        return at(
          ['to'],
          `route "${entry.route}" does not pass place "${entry.to}": its nearest point is ` +
            `${Math.round(near.km)} km away (at most ${ROUTE_TO_TOLERANCE_KM} km); give a place on the route, or a fraction`,
        );
      end(Math.round(near.fraction * 1e6) / 1e6);
    });
    if (Object.keys(ends).length) {
      c.routeEnds = ends;
      if (Object.keys(km).length) c.routeEndKm = km;
    }
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
  for (const { chapter: c } of chapters)
    c.media.forEach((m, i) => mediaSources(m).forEach((s) => use(s, `chapter "${c.id}", media[${i}]`)));
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
