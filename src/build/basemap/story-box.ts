// Build time: the part of the world a story shows — each chapter's view at the reference screen
// sizes (the views the coverage check asks tiles for, check-coverage.ts), joined, plus a margin.
// `npm run basemap:extract -- --bbox story` copies a detailed archive for that box.
import { relative } from 'node:path';
import { readChapters } from '../story/chapters.ts';
import { StoryContext } from '../story/context.ts';
import { readStoryFolder } from '../story/load.ts';
import { REFERENCE_SCREENS, viewBounds } from './check-coverage.ts';

export type Box = [west: number, south: number, east: number, north: number];

export interface StoryBox {
  /** Every chapter's view joined, widened by `margin` of its size on each side, within the world (every longitude when a view crosses 180°). */
  bbox: Box;
  /** Each chapter's view (joined over the reference screens), by chapter id. */
  chapters: { id: string; zoom: number; bbox: Box }[];
}

/**
 * The box the chapters of the story in `dir` show (chapters whose front matter cannot be read are
 * left out: the build reports them). `margin`: the share of the box's width and height added on
 * each side (default 0.1).
 */
export function storyBox(dir: string, { margin = 0.1 }: { margin?: number } = {}): StoryBox {
  const ctx = new StoryContext(readStoryFolder(dir), relative(process.cwd(), dir) || '.');
  const chapters = readChapters(ctx, undefined).map(({ chapter }) => {
    const boxes = REFERENCE_SCREENS.map((s) => viewBounds(chapter.camera, s));
    const bbox: Box = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    return { id: chapter.id, zoom: chapter.camera.zoom, bbox };
  });
  if (!chapters.length) throw new Error(`${dir}: no chapter with a camera to take the box from`);
  const [w, s, e, n] = [
    Math.min(...chapters.map((c) => c.bbox[0])),
    Math.min(...chapters.map((c) => c.bbox[1])),
    Math.max(...chapters.map((c) => c.bbox[2])),
    Math.max(...chapters.map((c) => c.bbox[3])),
  ];
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  // A view that reaches past 180° shows the other side of the world there: a box cannot wrap, so
  // it then spans every longitude.
  const wraps = w - dx < -180 || e + dx > 180;
  const bbox: Box = [
    wraps ? -180 : round(w - dx),
    round(Math.max(-85, s - dy)),
    wraps ? 180 : round(e + dx),
    round(Math.min(85, n + dy)),
  ];
  return { bbox, chapters };
}
