// Starts the story in the browser: reads the address, builds the one story state, and
// hydrates the prerendered text (scroll mode) or mounts the requested mode.
import { hydrate, mount } from 'svelte';
import { readEmbeddedStory } from './lib/story/embedded';
import App from './App.svelte';
import 'virtual:fonts.css';
import './app.css';
import { StoryState } from './lib/state/story-state.svelte';
import { startSession } from './lib/state/session.svelte';
import { browserLang, langKey, readUrl, rememberLang } from './lib/state/url';
import { MapStatus } from './lib/map/map-status.svelte';
import { HTML_LANG } from './lib/i18n/languages';
import type { Lang } from './lib/story/types';
import { MODE_NAMES, MODE_REGISTRY } from './modes/registry';
import { langOfPath } from './lib/seo/page-head';
import { BASE } from './lib/site-base';

// Built pages carry the story as data; the dev server has no prerendered page, so it imports it.
const story =
  readEmbeddedStory(document) ?? (import.meta.env.DEV ? (await import('virtual:story')).default : null);
if (!story) throw new Error('This page has no story data: build it with `npm run build`.');
const storyId: string = story.id;
const languages = story.languages;

const target = document.getElementById('app')!;
const url = readUrl(location.search, location.hash, story, MODE_NAMES);
// readUrl gives a name of MODE_NAMES: the entry exists (the author's view in the dev server only).
const { policy, view } = MODE_REGISTRY[url.mode as keyof typeof MODE_REGISTRY]!;
const pageLang: Lang = languages.find((l) => HTML_LANG[l] === document.documentElement.lang) ?? languages[0]!;
// The server renders the first mode (the reader's) only.
const prerendered = url.mode === MODE_NAMES[0] && target.firstElementChild !== null;

function storedLang(): Lang | undefined {
  try {
    const v = localStorage.getItem(langKey(storyId));
    return languages.find((l) => l === v);
  } catch {
    return undefined;
  }
}
// An explicit choice wins: ?lang=, then the language's page (/zh/), then the reader's last choice
// (where the mode remembers one: never on a kiosk), then the browser's languages; only languages the
// story is told in, its default (the first) when none of them.
const pathLang: Lang | undefined = langOfPath(location.pathname, languages, BASE);
const preferred: Lang = policy.rememberLang
  ? (url.lang ?? pathLang ?? storedLang() ?? browserLang(navigator.languages ?? [], story))
  : (url.lang ?? pathLang ?? languages[0]!);
if (url.lang && policy.rememberLang) rememberLang(story.id, url.lang);

// Hydrate exactly what the server rendered (first chapter, page language), then move to
// the chapter in the address and the reader's language: the state, not the markup, decides.
const state = new StoryState(story, policy, { lang: prerendered ? pageLang : preferred });
const mapStatus = new MapStatus();
const props = { storyState: state, view, mapStatus };
if (prerendered) hydrate(App, { target, props });
else {
  target.textContent = '';
  mount(App, { target, props });
}
state.lang = preferred;
if (url.chapterId) state.goToId(url.chapterId, 'jump');

startSession(state, mapStatus);

// Offline: the service worker (built into dist/sw.js with the list of every file) precaches the
// whole app on the first visit in any mode, so that the next start works without a network. It
// serves the site's own path only (its base path): another story on the same host keeps its own.
// Installing it downloads and compiles every file, so a first visit waits for the map's first
// complete picture (at most 8 s: a mode without a map, a map that cannot draw) before it begins.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () =>
    navigator.serviceWorker
      .register(`${BASE}sw.js`, { scope: BASE })
      .catch((e: unknown) => console.warn('service worker not registered:', e));
  if (navigator.serviceWorker.controller) register();
  else void Promise.race([mapStatus.firstPicture, new Promise((r) => setTimeout(r, 8000))]).then(register);
}
