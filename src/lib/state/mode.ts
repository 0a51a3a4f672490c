// What differs between the modes, as data. The registry of modes (src/modes/registry.ts) gives each
// mode one of these; the state, the session and the map read it instead of testing the mode's name.

export interface ModePolicy {
  /** The name in the address (`?mode=`) and in `window.storymap.mode`. */
  readonly name: string;
  /** Routes are shown as each chapter leaves them (paper), not drawn with the chapter's progress. */
  readonly routesComplete: boolean;
  /** The address's `#chapter` follows the active chapter. */
  readonly followHash: boolean;
  /**
   * A language chosen here is remembered for the next visit, and a remembered one is used at the
   * start. An unattended screen starts in its own language, whoever used it last.
   */
  readonly rememberLang: boolean;
  /** A chapter change ends exploring the map (slides), or the explorer moves on with it (kiosk). */
  readonly chapterChangeEndsExploring: boolean;
  /**
   * The map is read from a distance, beside text that grows with the screen: on a screen larger
   * than 1080p it is drawn larger with it (src/lib/layout/screen-scale.ts).
   */
  readonly mapScalesWithScreen: boolean;
}

/** The defaults a mode starts from. */
export const READER_POLICY: ModePolicy = {
  name: 'scroll',
  routesComplete: false,
  followHash: true,
  rememberLang: true,
  chapterChangeEndsExploring: true,
  mapScalesWithScreen: false,
};
