// Connects the story state to the browser: the address, the document's language, the
// remembered language, the reduced-motion preference and the automation handle.
import { installHandle } from '../automation';
import type { MapStatus } from '../map/map-status.svelte';
import { HTML_LANG } from '../ui/strings';
import type { StoryState } from './story-state.svelte';
import { chapterIdFromHash, chapterUrl, rememberLang } from './url';

export function startSession(state: StoryState, map: MapStatus): () => void {
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
        if (!state.policy.followHash) return;
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
      // A language the reader chose is kept for the next visit, where the mode remembers one.
      $effect(() => {
        const chosen = state.langChoice;
        if (chosen && state.policy.rememberLang) rememberLang(state.story.id, chosen);
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
      camera: () => map.probe?.camera() ?? null,
      idle: () => map.idle,
      renderedPlaces: () => map.probe?.renderedPlaces() ?? [],
      basemap: () => map.probe?.renderedBasemap(state.lang) ?? null,
      animatedMoves: () => map.probe?.animatedMoves ?? 0,
      routeProgress: () => map.probe?.routeProgress() ?? null,
      routes: () => {
        const probe = map.probe;
        if (!probe?.ready()) return [];
        return probe.drawnRoutes().map((r) => {
          const [x, y] = probe.project(r.end);
          return { ...r, x, y };
        });
      },
      bounds: () => map.probe?.bounds() ?? null,
      places: () => {
        const probe = map.probe;
        if (!probe?.ready()) return [];
        const { places, highlight } = state.chapter;
        return places.flatMap((id) => {
          const place = state.story.places.find((p) => p.id === id);
          if (!place) return [];
          const [x, y] = probe.project(place.coordinates as [number, number]);
          return [{ id, x, y, highlight: highlight.includes(id) }];
        });
      },
      visibleRect: () => map.probe?.visibleRect() ?? null,
      notice: () => map.notice,
    }),
  );
  return () => disposers.splice(0).forEach((f) => f());
}
