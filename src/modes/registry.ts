// Every mode of the app: its view and what differs about it, as data. A new mode is its view's file
// plus one entry here; nothing else tests a mode's name.
import type { Component } from 'svelte';
import type { StoryState } from '../lib/state/story-state.svelte';
import { READER_POLICY, type ModePolicy } from '../lib/state/mode';
import ScrollStory from './ScrollStory.svelte';

export type ModeView = Component<{ storyState: StoryState }>;

export interface ModeEntry {
  policy: ModePolicy;
  /** The view: scroll mode is in the first chunk (prerendered, hydrated); the others load on demand. */
  view: { component: ModeView } | { load: () => Promise<{ default: ModeView }> };
}

export const MODE_REGISTRY = {
  scroll: { policy: READER_POLICY, view: { component: ScrollStory } },
  present: {
    policy: { ...READER_POLICY, name: 'present', mapScalesWithScreen: true },
    view: { load: () => import('./Present.svelte') },
  },
  speaker: {
    policy: { ...READER_POLICY, name: 'speaker' },
    view: { load: () => import('./Speaker.svelte') },
  },
  // On paper nothing draws itself, and the address stays as it was opened.
  print: {
    policy: { ...READER_POLICY, name: 'print', routesComplete: true, followHash: false },
    view: { load: () => import('./Handout.svelte') },
  },
  // An unattended screen starts in its own language, and a visitor who explores moves on with the map.
  kiosk: {
    policy: {
      ...READER_POLICY,
      name: 'kiosk',
      rememberLang: false,
      chapterChangeEndsExploring: false,
      mapScalesWithScreen: true,
    },
    view: { load: () => import('./Kiosk.svelte') },
  },
  // The author's view: the live camera and a picked point as lines to paste into the story folder.
  // Dev server only: it names the files to edit, and only the dev server reloads the story when one
  // is saved. A build has no such entry (nor its chunk), so no reader or kiosk can reach it.
  ...(import.meta.env.DEV
    ? {
        author: {
          policy: {
            ...READER_POLICY,
            name: 'author',
            routesComplete: true,
            chapterChangeEndsExploring: false,
          },
          view: { load: () => import('./Author.svelte') },
        },
      }
    : {}),
} satisfies Record<string, ModeEntry>;

export type ModeName = keyof typeof MODE_REGISTRY;
export const MODE_NAMES = Object.keys(MODE_REGISTRY) as ModeName[];
