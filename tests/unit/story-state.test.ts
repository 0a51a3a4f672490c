import { describe, expect, it } from 'vitest';
import { StoryState } from '../../src/lib/state/story-state.svelte';
import { READER_POLICY } from '../../src/lib/state/mode';
import type { Story } from '../../src/lib/story/types';

const story = {
  id: 't',
  languages: ['en', 'zh'],
  chapters: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
} as unknown as Story;

describe('the story state', () => {
  it('sets the progress whenever one is given, also for the chapter already active', () => {
    const s = new StoryState(story);
    s.go(1, 'fly', 1);
    expect([s.index, s.progress]).toEqual([1, 1]);
    s.setProgress(0.2);
    s.go(1, 'fly', 1);
    expect(s.progress).toBe(1);
    // Without a progress, re-selecting the chapter changes nothing.
    s.go(1);
    expect(s.progress).toBe(1);
    // A new chapter starts at its beginning.
    s.go(2);
    expect(s.progress).toBe(0);
  });

  it('ends exploring on a chapter change in the slides, and brings the view back when the chapter stays', () => {
    const s = new StoryState(story, { ...READER_POLICY, name: 'present' });
    s.explore(true);
    s.next();
    expect(s.exploring).toBe(false);
    s.explore(true);
    const before = s.recentred;
    s.go(1); // the chapter already shown
    expect(s.exploring).toBe(false);
    expect(s.recentred).toBe(before + 1);
  });

  it('lets a kiosk visitor explore on across chapters, and recentre returns to the loop', () => {
    const s = new StoryState(story, { ...READER_POLICY, name: 'kiosk', chapterChangeEndsExploring: false });
    s.explore(true);
    s.next();
    expect(s.exploring).toBe(true);
    const before = s.recentred;
    s.recentre();
    expect(s.exploring).toBe(false);
    expect(s.recentred).toBe(before + 1);
  });

  it('records a language the reader chose apart from one set by the app', () => {
    const s = new StoryState(story);
    s.lang = 'zh';
    expect(s.langChoice).toBeNull();
    s.chooseLang('en');
    expect([s.lang, s.langChoice]).toEqual(['en', 'en']);
  });

  it('steps through the pages of a long chapter before the next chapter, and back', () => {
    const s = new StoryState(story, { ...READER_POLICY, name: 'present' });
    s.setSteps(3);
    expect([s.hasPrev, s.hasNext]).toEqual([false, true]);
    expect([s.prevIsPage, s.nextIsPage]).toEqual([false, true]);
    s.next();
    s.next();
    expect([s.index, s.step]).toEqual([0, 2]);
    expect([s.prevIsPage, s.nextIsPage]).toEqual([true, false]);
    s.next();
    expect([s.index, s.step, s.steps], 'a new chapter starts at its first page of one').toEqual([1, 0, 1]);
    s.prev();
    expect([s.index, s.step]).toEqual([0, 0]);
    // A layout with fewer pages keeps the page within them.
    s.setSteps(3, 2);
    s.setSteps(2);
    expect(s.step).toBe(1);
    // While exploring, → and ← move by chapters.
    s.explore(true);
    expect([s.prevIsPage, s.nextIsPage]).toEqual([false, false]);
    s.next();
    expect([s.index, s.step]).toEqual([1, 0]);
    // The last page of the last chapter is the end.
    s.go(2);
    s.setSteps(2, 1);
    expect(s.hasNext).toBe(false);
    s.next();
    expect([s.index, s.step]).toEqual([2, 1]);
  });
});
