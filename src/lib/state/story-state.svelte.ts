// The one state of the story. Scroll, keys, timers and the URL only call these methods;
// the map and the text only read the fields.
import type { Lang, Story } from '../story/types';
import { clampIndex } from '../story/chapter-state';

export const MODES = ['scroll', 'present', 'kiosk', 'print', 'speaker'] as const;
export type Mode = (typeof MODES)[number];

/** How the map should reach the new chapter: a flight, or a cut (deep link, reload, reduced motion). */
export type Transition = 'fly' | 'jump';

export class StoryState {
  index = $state(0);
  /** 0..1 through the active chapter (scroll position, or time in the slide and kiosk modes). */
  progress = $state(0);
  lang: Lang = $state('en');
  /** The reader's system preference. */
  systemReducedMotion = $state(false);
  /** The visible toggle: null follows the system. */
  reducedMotionChoice: boolean | null = $state(null);
  transition: Transition = $state('jump');

  readonly reducedMotion = $derived(this.reducedMotionChoice ?? this.systemReducedMotion);
  readonly story: Story;
  readonly mode: Mode;
  readonly count: number;
  readonly chapter = $derived.by(() => this.story.chapters[this.index]!);

  constructor(story: Story, mode: Mode, init: { index?: number; lang?: Lang } = {}) {
    this.story = story;
    this.mode = mode;
    this.count = story.chapters.length;
    this.index = clampIndex(story, init.index ?? 0);
    if (init.lang) this.lang = init.lang;
  }

  /** Make chapter `index` active. Re-selecting the active chapter changes nothing. */
  go(index: number, how: Transition = 'fly', progress = 0): void {
    const next = clampIndex(this.story, index);
    if (next === this.index) return;
    this.transition = how;
    this.index = next;
    this.progress = progress;
  }
  next(): void {
    this.go(this.index + 1);
  }
  prev(): void {
    this.go(this.index - 1);
  }
  first(): void {
    this.go(0);
  }
  last(): void {
    this.go(this.count - 1);
  }
  goToId(id: string, how: Transition = 'fly'): boolean {
    const i = this.story.chapters.findIndex((c) => c.id === id);
    if (i < 0) return false;
    this.go(i, how);
    return true;
  }
  setProgress(p: number): void {
    const v = Math.min(1, Math.max(0, p));
    if (Math.abs(v - this.progress) > 1e-4) this.progress = v;
  }
}
