// User Timing marks for the benchmark (scripts/bench.mjs): the first complete picture
// (`storymap:first-idle`: MapLibre's first idle, drawn by the GPU and shown), and the start and
// end of the last camera move, each with the number of frames drawn so far. Only the
// last move's marks are kept, so a kiosk running for days holds no growing list.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../story/types';

export interface PerfMarks {
  /** Camera moves that took time (flights), counted from the map's own move events. */
  readonly animatedMoves: number;
  /** The first complete picture is on screen. */
  firstPicture(): void;
  dispose(): void;
}

export function perfMarks(map: MapLibreMap, camera: () => Camera): PerfMarks {
  let frames = 0;
  let moveStarted = 0;
  let animatedMoves = 0;
  const mark = (name: string) => {
    performance.clearMarks(name);
    performance.mark(name, { detail: { frames, camera: camera(), padding: map.getPadding() } });
  };
  const onRender = () => frames++;
  const onMoveStart = () => {
    moveStarted = performance.now();
    mark('storymap:move-start');
  };
  const onMoveEnd = () => {
    if (performance.now() - moveStarted > 50) animatedMoves++;
    mark('storymap:move-end');
  };
  map.on('render', onRender);
  map.on('movestart', onMoveStart);
  map.on('moveend', onMoveEnd);
  return {
    get animatedMoves() {
      return animatedMoves;
    },
    firstPicture: () => mark('storymap:first-idle'),
    dispose() {
      map.off('render', onRender);
      map.off('movestart', onMoveStart);
      map.off('moveend', onMoveEnd);
    },
  };
}
