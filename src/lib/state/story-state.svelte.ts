// The one state of the story. Scroll, keys, timers and the URL only call these methods;
// the map and the text only read the fields.
import type { Lang, Story } from '../story/types';
import { clampIndex } from '../story/chapter-state';
import { READER_POLICY, type ModePolicy } from './mode';

/** How the map should reach the new chapter: a flight, or a cut (deep link, reload, reduced motion). */
export type Transition = 'fly' | 'jump';

export class StoryState {
  index = $state(0);
  /** 0..1 through the active chapter (scroll position, or time in the slide and kiosk modes). */
  progress = $state(0);
  lang: Lang = $state('en');
  /** The language the reader chose with a switch, if any (remembered where the mode says so). */
  langChoice: Lang | null = $state(null);
  /** The reader's system preference. */
  systemReducedMotion = $state(false);
  /** The visible toggle: null follows the system. */
  reducedMotionChoice: boolean | null = $state(null);
  transition: Transition = $state('jump');
  /** The audience moves the map themselves (slides: E; kiosk: a visitor's touch). */
  exploring = $state(false);
  /**
   * Counts the requests to bring the map back to the chapter's own view. The map applies the
   * chapter's whole state again whenever it changes.
   */
  recentred = $state(0);

  readonly reducedMotion = $derived(this.reducedMotionChoice ?? this.systemReducedMotion);
  readonly story: Story;
  readonly policy: ModePolicy;
  readonly count: number;
  readonly chapter = $derived.by(() => this.story.chapters[this.index]!);

  constructor(story: Story, policy: ModePolicy = READER_POLICY, init: { index?: number; lang?: Lang } = {}) {
    this.story = story;
    this.policy = policy;
    this.count = story.chapters.length;
    this.index = clampIndex(story, init.index ?? 0);
    if (init.lang) this.lang = init.lang;
  }

  get mode(): string {
    return this.policy.name;
  }

  /**
   * Make chapter `index` active, at `progress` when it is given. Re-selecting the active chapter
   * keeps its progress unless one is given. Where the mode says so, a chapter change ends
   * exploring, and re-selecting the chapter being explored brings its view back.
   */
  go(index: number, how: Transition = 'fly', progress?: number): void {
    const next = clampIndex(this.story, index);
    if (this.exploring && this.policy.chapterChangeEndsExploring) {
      if (next === this.index) this.recentre();
      else this.exploring = false;
    }
    if (next !== this.index) {
      this.transition = how;
      this.index = next;
      this.progress = 0;
    }
    if (progress !== undefined) this.setProgress(progress);
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

  /** The reader switched the language (a switch, not the start or another window). */
  chooseLang(lang: Lang): void {
    this.lang = lang;
    this.langChoice = lang;
  }

  /** Let the audience move the map, or stop; stopping brings the chapter's view back. */
  explore(on: boolean): void {
    if (on === this.exploring) return;
    this.exploring = on;
    if (!on) this.recentre();
  }

  /** Back to the chapter's own view from wherever the map was moved, and stop exploring. */
  recentre(): void {
    this.exploring = false;
    this.transition = 'fly';
    this.recentred++;
  }
}
