// The audience view and the speaker view drive one show: a chapter, page or language changed in
// either window is applied in the other (src/lib/state/sync.ts carries the messages). Both modes use
// this one wiring; only what a blanked screen means differs, and that is theirs.
import { openChannel, startSync } from './sync';
import type { StoryState } from './story-state.svelte';

export interface StorySync {
  /** Blank or restore the audience's screen in every window. */
  blank(on: boolean): void;
  dispose(): void;
}

/** Keeps `state` in step with the story's other windows; a no-op where there is no channel. */
export function syncStoryState(state: StoryState, onBlank: (on: boolean) => void): StorySync {
  const channel = openChannel(state.story.id);
  if (!channel) return { blank: () => {}, dispose: () => {} };
  const sync = startSync({
    channel,
    index: state.index,
    go: (i) => state.go(i, 'fly'),
    lang: state.lang,
    onLang: (lang) => (state.lang = lang),
    onBlank,
    onStep: (index, step, steps) => {
      if (index === state.index) state.setSteps(steps, step);
    },
  });
  // Changes made in this window (the sync never echoes what it received).
  const stop = $effect.root(() => {
    $effect(() => sync.update(state.index));
    $effect(() => sync.language(state.lang));
    $effect(() => sync.page(state.index, state.step, state.steps));
  });
  return {
    blank: (on) => sync.blank(on),
    dispose() {
      stop();
      sync.dispose();
    },
  };
}
