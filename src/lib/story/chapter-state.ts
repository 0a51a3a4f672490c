// What the map must show for a given point in the story. Pure: the same chapter and
// progress always give the same state, however the reader got there.
import type { Camera, Chapter, Story } from './types';

/** Progress through the chapter at which a route starts drawing, and at which it is complete. */
export const DRAW_START = 0.1;
export const DRAW_END = 0.7;

/**
 * How far a chapter's drawing of its routes has got at `progress` (0..1 through the chapter), as
 * 0..1 of the way from where the chapter starts them to where it ends them. Drawing starts a little
 * into the chapter and finishes before its end, so the whole drawing is seen while the text is read.
 */
export function drawFraction(progress: number): number {
  if (!Number.isFinite(progress)) return 1;
  const f = (progress - DRAW_START) / (DRAW_END - DRAW_START);
  return Math.min(1, Math.max(0, f));
}

/** One route of the story in a map state: fractions of the line as drawn (MapLibre's line-progress). */
export interface RouteState {
  id: string;
  /** The chapter lists the route in its layers. */
  shown: boolean;
  /**
   * Drawn when the chapter begins: where the last earlier chapter that showed the route left it
   * (0 when none did). For a route the chapter does not show, also `to` and `drawn`.
   */
  from: number;
  /** Drawn at the chapter's end: its `to:` for the route, else the whole route (1). */
  to: number;
  /** Drawn at this progress: from `from` to `to` as the chapter is read. */
  drawn: number;
}

export interface MapState {
  chapterId: string;
  camera: Camera;
  /** Places drawn, and the subset emphasised. */
  places: string[];
  highlight: string[];
  /** Overlay ids shown; every other overlay is hidden. */
  layers: string[];
  /** 0..1 through the chapter. */
  progress: number;
  /** Every route of the story, in the story's order: whether it is shown, and how far it is drawn. */
  routes: RouteState[];
}

export function chapterMapState(story: Story, index: number, progress = 1): MapState {
  const i = clampIndex(story, index);
  const chapter: Chapter = story.chapters[i]!;
  const p = Math.min(1, Math.max(0, progress));
  return {
    chapterId: chapter.id,
    camera: chapter.camera,
    places: chapter.places,
    highlight: chapter.highlight,
    layers: chapter.layers,
    progress: p,
    routes: routeStates(story, i, p),
  };
}

/** Where chapter `chapter` leaves route `id` (its `to:`, or the whole route); undefined if it does not show it. */
function endOf(chapter: Pick<Chapter, 'layers' | 'routeEnds'>, id: string): number | undefined {
  return chapter.layers.includes(id) ? (chapter.routeEnds?.[id] ?? 1) : undefined;
}

/**
 * The routes at chapter `index`, `progress` through it: each chapter that shows a route takes it
 * from where the previous one that showed it left it to its own end, so that a journey told over
 * several chapters grows chapter by chapter, whichever chapter the reader opens first.
 */
function routeStates(
  story: Pick<Story, 'overlays' | 'chapters'>,
  index: number,
  progress: number,
): RouteState[] {
  const chapter = story.chapters[index]!;
  const f = drawFraction(progress);
  return story.overlays
    .filter((o) => o.kind === 'route')
    .map(({ id }) => {
      let from = 0;
      for (let j = 0; j < index; j++) from = endOf(story.chapters[j]!, id) ?? from;
      const to = endOf(chapter, id);
      if (to === undefined) return { id, shown: false, from, to: from, drawn: from };
      // Exactly the chapter's end once drawn, and exactly its start before.
      const drawn = f >= 1 ? to : f <= 0 ? from : from + (to - from) * f;
      return { id, shown: true, from, to, drawn };
    });
}

export function clampIndex(story: Story, index: number): number {
  if (!Number.isFinite(index)) return 0;
  return Math.min(story.chapters.length - 1, Math.max(0, Math.trunc(index)));
}
