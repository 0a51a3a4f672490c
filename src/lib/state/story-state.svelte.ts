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
  /**
   * The page of the active chapter on the screen, 0-based, of `steps`: a chapter too long for one
   * slide continues on further pages of it. Only a view that pages its text sets `steps`
   * (`setSteps`); every other view has one page, and `next`/`prev` then move by chapters.
   */
  step = $state(0);
  steps = $state(1);
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
    this.lang = init.lang ?? story.languages[0]!;
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
      // A new chapter starts at its first page; its view measures how many it has.
      this.step = 0;
      this.steps = 1;
    }
    if (progress !== undefined) this.setProgress(progress);
  }
  /** `next` shows the chapter's next page (while exploring it always moves to the next chapter). */
  get nextIsPage(): boolean {
    return !this.exploring && this.step < this.steps - 1;
  }
  /** `prev` shows the chapter's page before. */
  get prevIsPage(): boolean {
    return !this.exploring && this.step > 0;
  }
  /** The chapter's next page, else the next chapter. */
  next(): void {
    if (this.nextIsPage) this.step++;
    else this.go(this.index + 1);
  }
  /** The chapter's page before, else the chapter before (it starts at its first page). */
  prev(): void {
    if (this.prevIsPage) this.step--;
    else this.go(this.index - 1);
  }
  /** Whether `next` has anywhere to go: a page or a chapter after this one. */
  get hasNext(): boolean {
    return this.index < this.count - 1 || this.step < this.steps - 1;
  }
  /** Whether `prev` has anywhere to go. */
  get hasPrev(): boolean {
    return this.index > 0 || this.step > 0;
  }
  /**
   * The active chapter has `n` pages (measured by the view that pages it), and shows page `step`
   * when it is given (another window's page); the page is kept within them.
   */
  setSteps(n: number, step = this.step): void {
    this.steps = Math.max(1, Math.floor(n));
    this.step = Math.min(Math.max(0, Math.floor(step)), this.steps - 1);
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
