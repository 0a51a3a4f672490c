// What the map must show for a given point in the story. Pure: the same chapter and
// progress always give the same state, however the reader got there.
import type { Camera, Chapter, Story } from './types';

export interface MapState {
  chapterId: string;
  camera: Camera;
  /** Places drawn, and the subset emphasised. */
  places: string[];
  highlight: string[];
  /** Overlay ids shown; every other overlay is hidden. */
  layers: string[];
  /** 0..1 through the chapter: routes are drawn up to this fraction. */
  progress: number;
}

export function chapterMapState(story: Story, index: number, progress = 1): MapState {
  const chapter: Chapter = story.chapters[clampIndex(story, index)]!;
  return {
    chapterId: chapter.id,
    camera: chapter.camera,
    places: chapter.places,
    highlight: chapter.highlight,
    layers: chapter.layers,
    progress: Math.min(1, Math.max(0, progress)),
  };
}

export function clampIndex(story: Story, index: number): number {
  if (!Number.isFinite(index)) return 0;
  return Math.min(story.chapters.length - 1, Math.max(0, Math.trunc(index)));
}
