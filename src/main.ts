// Starts the story in the browser: reads the address, builds the one story state, and
// hydrates the prerendered text (scroll mode) or mounts the requested mode.
import { hydrate, mount } from 'svelte';
import { readEmbeddedStory } from './lib/story/embedded';
import App from './App.svelte';
import 'virtual:fonts.css';
import './app.css';
import { StoryState } from './lib/state/story-state.svelte';
import { startSession } from './lib/state/session.svelte';
import { browserLang, LANG_KEY, readUrl, rememberLang } from './lib/state/url';
import { currentMap, firstPicture } from './lib/map/current';
import type { Lang } from './lib/story/types';

// Built pages carry the story as data; the dev server has no prerendered page, so it imports it.
const story =
  readEmbeddedStory(document) ?? (import.meta.env.DEV ? (await import('virtual:story')).default : null);
if (!story) throw new Error('This page has no story data: build it with `npm run build`.');

const target = document.getElementById('app')!;
const url = readUrl(location.search, location.hash, story);
const pageLang: Lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
const prerendered = url.mode === 'scroll' && target.firstElementChild !== null;

function storedLang(): Lang | undefined {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v === 'en' || v === 'zh' ? v : undefined;
  } catch {
    return undefined;
  }
}
// An explicit choice wins: ?lang=, then the /zh/ page, then the reader's last choice, then
// the browser's languages.
// A kiosk always starts in its own language (?lang=, then the page), never a visitor's last choice.
const pathLang: Lang | undefined = location.pathname.startsWith('/zh') ? 'zh' : undefined;
const preferred: Lang =
  url.mode === 'kiosk'
    ? (url.lang ?? pathLang ?? 'en')
    : (url.lang ?? pathLang ?? storedLang() ?? browserLang(navigator.languages ?? []));
if (url.lang && url.mode !== 'kiosk') rememberLang(url.lang);

// Hydrate exactly what the server rendered (first chapter, page language), then move to
// the chapter in the address and the reader's language: the state, not the markup, decides.
const state = new StoryState(story, url.mode, { lang: prerendered ? pageLang : preferred });
if (prerendered) hydrate(App, { target, props: { storyState: state } });
else {
  target.textContent = '';
  mount(App, { target, props: { storyState: state } });
}
state.lang = preferred;
if (url.chapterId) state.goToId(url.chapterId, 'jump');

startSession(state, {
  map: () => {
    const v = currentMap.view;
    return v
      ? {
          camera: v.camera(),
          idle: v.isIdle(),
          renderedPlaces: () => v.renderedPlaces(),
          renderedBasemap: (lang: Lang) => v.renderedBasemap(lang),
          animatedMoves: v.animatedMoves,
          routeProgress: () => v.routeProgress(),
          bounds: () => v.bounds(),
        }
      : null;
  },
  notice: () => currentMap.notice,
  idle: () => currentMap.ready?.() ?? null,
});

// Offline: the service worker (built into dist/sw.js with the list of every file) precaches the
// whole app on the first visit in any mode, so that the next start works without a network.
// Installing it downloads and compiles every file, so a first visit waits for the map's first
// complete picture (at most 8 s: a mode without a map, a map that cannot draw) before it begins.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker
      .register('/sw.js')
      .catch((e: unknown) => console.warn('service worker not registered:', e));
  if (navigator.serviceWorker.controller) register();
  else void Promise.race([firstPicture, new Promise((r) => setTimeout(r, 8000))]).then(register);
}
