// Connects the story state to the browser: the address, the document's language, the
// remembered language, the reduced-motion preference and the automation handle.
import { installHandle } from '../automation';
import type { Camera, Lang } from '../story/types';
import { HTML_LANG } from '../ui/strings';
import type { StoryState } from './story-state.svelte';
import { chapterIdFromHash, chapterUrl } from './url';

export interface SessionHooks {
  /** The map's camera and readiness, once it exists. */
  map: () => {
    camera: Camera;
    idle: boolean;
    renderedPlaces: () => string[];
    renderedBasemap: (lang: Lang) => { features: number; labels: string[]; onPlaces: string[] };
    animatedMoves: number;
    routeProgress?: () => number | null;
    bounds?: () => [number, number, number, number];
  } | null;
  notice: () => string | null;
  /** Readiness when it is not the map's (modes without a map on screen, the handout); else the map's idle. */
  idle?: () => boolean | null;
}

export function startSession(state: StoryState, hooks: SessionHooks): () => void {
  const disposers: Array<() => void> = [];

  const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const onMotion = () => (state.systemReducedMotion = motion.matches);
  onMotion();
  motion.addEventListener('change', onMotion);
  disposers.push(() => motion.removeEventListener('change', onMotion));

  // Someone edits the hash or follows an in-page link: go there without a flight.
  const onHash = () => {
    const id = chapterIdFromHash(location.hash, state.story);
    if (id) state.goToId(id, 'jump');
  };
  window.addEventListener('hashchange', onHash);
  disposers.push(() => window.removeEventListener('hashchange', onHash));

  disposers.push(
    $effect.root(() => {
      $effect(() => {
        const id = state.chapter.id;
        if (state.mode === 'print') return;
        // An address without a chapter already means the first one; leaving it alone also keeps
        // the browser's starting point for the Tab key at the top of the page.
        if (state.index === 0 && !location.hash) return;
        const url = chapterUrl(location, id);
        if (url !== `${location.pathname}${location.search}${location.hash}`)
          history.replaceState(history.state, '', url);
      });
      $effect(() => {
        const lang = state.lang;
        document.documentElement.lang = HTML_LANG[lang];
        document.title = `${state.story.title[lang]} — ${state.story.subtitle[lang]}`;
      });
    }),
  );

  disposers.push(
    installHandle({
      chapterId: () => state.chapter.id,
      chapterIndex: () => state.index,
      chapterCount: () => state.count,
      progress: () => state.progress,
      mode: () => state.mode,
      lang: () => state.lang,
      reducedMotion: () => state.reducedMotion,
      camera: () => hooks.map()?.camera ?? null,
      idle: () => hooks.idle?.() ?? hooks.map()?.idle ?? false,
      renderedPlaces: () => hooks.map()?.renderedPlaces() ?? [],
      basemap: () => hooks.map()?.renderedBasemap(state.lang) ?? null,
      animatedMoves: () => hooks.map()?.animatedMoves ?? 0,
      routeProgress: () => hooks.map()?.routeProgress?.() ?? null,
      bounds: () => hooks.map()?.bounds?.() ?? null,
      notice: () => hooks.notice(),
    }),
  );
  return () => disposers.splice(0).forEach((f) => f());
}
