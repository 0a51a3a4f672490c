// Starts the story in the browser: reads the address, builds the one story state, and
// hydrates the prerendered text (scroll mode) or mounts the requested mode.
import { hydrate, mount } from 'svelte';
import story from 'virtual:story';
import App from './App.svelte';
import './app.css';
import { StoryState } from './lib/state/story-state.svelte';
import { startSession } from './lib/state/session.svelte';
import { browserLang, LANG_KEY, readUrl, rememberLang } from './lib/state/url';
import { currentMap } from './lib/map/current';
import type { Lang } from './lib/story/types';

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
const preferred: Lang =
  url.lang ??
  (location.pathname.startsWith('/zh') ? 'zh' : undefined) ??
  storedLang() ??
  browserLang(navigator.languages ?? []);
if (url.lang) rememberLang(url.lang);

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
          animatedMoves: v.animatedMoves,
          routeProgress: () => v.routeProgress(),
          bounds: () => v.bounds(),
        }
      : null;
  },
  notice: () => currentMap.notice,
});
