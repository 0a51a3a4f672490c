// The interface in English: every word the app itself shows (the story's own text is in the story
// folder). Each language has a file like this one with the same keys (zh.ts, fr.ts, es.ts); a unit
// test fails when one lacks a key another has. This file's shape is the type they all follow.

const en = {
  // The scrolling story and what every mode shows with it.
  skipMap: 'Skip the map and go to the story',
  mapLabel: 'Map of the story. Each chapter describes what it shows.',
  mapNeedsJs: 'The interactive map needs JavaScript. The whole story can be read below without it.',
  printNoMaps:
    'Printed without its maps. For a handout with a picture of each chapter’s map, open the story with ?mode=print added to its address.',
  onTheMap: 'On the map: ',
  sources: 'Sources',
  chapterOf: (i: number, n: number) => `Chapter ${i} of ${n}`,
  chapters: 'Chapters',
  language: 'Language',
  /** This language's name, in itself: what a language switch offers. */
  languageName: 'English',
  /** The switch's label for screen readers, in this language. */
  switchToLabel: 'Switch to English',
  mapFailed: 'The map could not be loaded. The story itself is complete in the text.',
  basemapFailed:
    'The base map could not be loaded, so the map shows only the story’s places. The story itself is complete in the text.',
  fontFailed: 'A font could not be loaded; the text uses a replacement font.',
  noMapData: 'The basemap has no data for this view; only the story’s own places are drawn here.',
  reducedMotion: 'Reduce motion',
  routesOnMap: 'Lines on the map',
  routeLength: (length: string) => `about ${length}`,
  /** A route the chapter draws part of the way (its `to:`). */
  routeLengthPart: (part: string, whole: string) => `drawn so far: about ${part} of ${whole}`,
  routeSchematic:
    'Drawn through main places on the way, not along the real track; the length is measured along this line.',
  routeGreatCircle:
    'The shortest path over the globe (a great circle) between the two points, not a real flight path.',
  areaSize: (area: string) => `Area: ${area}`,
  scaleCircleLabel: (area: string) => `Circle of ${area}, for scale: not a border`,
  figures: 'Figures',
  figureSource: 'Source',
  /** A chart in words; the growth from the first value to the last when it is known (`growthRatio`). */
  seriesAlt: (label: string, values: string, ratio: string | null) =>
    `${label}: ${values}.${ratio ? ` The last figure is ${ratio} times the first.` : ''}`,
  /** On a chart of two bars: how many times the first the second is. */
  timesRatio: (ratio: string) => `× ${ratio}`,
  publisher: 'Published by',
  licence: 'Licence',
  address: 'Address',
  allSources: 'Every source of this story and its map',
  basemap: 'Basemap',
  basemapNote: 'The basemap (rivers, coasts, lakes and borders) is built from these open data sets:',
  /**
   * The basemap's credit line (HTML); the data sets' names come as links. The names and licences
   * stay as published; what they hold is said in this language.
   */
  embeddedCredits: (gshhg: string, dcw: string, ne: string) =>
    `${gshhg} shorelines &amp; rivers (LGPL) · ${dcw} provinces (LGPL) · ${ne} countries (public domain) · ` +
    'borders de facto, disputed ones dashed',
  /** The credit line of an OpenStreetMap-based basemap (HTML). */
  protomapsCredits: (ne: string) =>
    '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a> (ODbL) · ' +
    `<a href="https://protomaps.com">Protomaps</a> · ${ne} (public domain)`,

  // Punctuation, as this language sets it.
  /** Between a label and what it labels: "Source: …". */
  colon: ': ',
  /** Between the items of a list read out in a sentence (a chart's values). */
  listSeparator: '; ',
  /** A number and its unit: "1,520 km" ("1 520 km" in French: a no-break space). */
  withUnit: (n: string, unit: string) => `${n} ${unit}`,
  /** Units of the route lengths and areas the legend gives. */
  km: 'km',
  km2: 'km²',

  // Slides, the speaker view, the handout and the kiosk.
  slideCount: (i: number, n: number) => `${i} / ${n}`,
  /** The page of a chapter too long for one slide, in the speaker view. */
  slidePage: (i: number, n: number) => `page ${i} of ${n} of this slide`,
  presentControls: 'Presentation controls',
  previous: 'Previous',
  next: 'Next',
  previousChapter: 'Previous chapter',
  nextChapter: 'Next chapter',
  /** ← and → while a chapter too long for one slide has a page before or after. */
  previousPage: 'Previous page',
  nextPage: 'Next page',
  explore: 'Explore the map',
  backToChapter: 'Back to the chapter view',
  exploring:
    'Exploring the map: drag to pan, scroll to zoom, right-drag to rotate. R or → returns to the story.',
  speakerView: 'Speaker view',
  fullScreen: 'Full screen',
  exitFullScreen: 'Leave full screen',
  blankNotice: 'Screen blanked. Press any key to bring it back.',
  goToChapter: (n: string) => `Go to chapter ${n} — press Enter`,
  popupBlocked: 'The browser blocked the speaker window. Allow pop-ups for this page, then press S again.',
  keysHint: '→ next · ← back · number + Enter: jump · B blank · E explore · F full screen · S speaker view',
  speakerKeysHint: '→ next · ← back · number + Enter: jump · B blank the audience screen · F full screen',
  now: 'Now',
  upNext: 'Next',
  endOfStory: 'This is the last chapter.',
  notes: 'Speaker notes',
  noNotes: 'No notes for this chapter.',
  slideText: 'Text on the screen',
  elapsed: 'Elapsed time',
  restartTimer: 'Restart the timer',
  blankAudience: 'Blank the audience screen',
  audienceBlank: 'The audience screen is blank.',
  handout: 'Handout',
  print: 'Print',
  preparingImages: (i: number, n: number) => `Preparing the map pictures: ${i} of ${n}…`,
  readyToPrint: 'Ready to print: A4 or Letter, portrait.',
  mapOf: (title: string) => `Map: ${title}`,
  contents: 'Contents',
  handoutNote: 'The maps are pictures of the interactive map at each chapter.',
  kioskTouch: 'Touch the screen to explore',
  kioskPrev: 'Previous',
  kioskPrevLabel: 'Previous chapter',
  kioskNext: 'Next',
  kioskNextLabel: 'Next chapter',
  kioskClose: 'Close',
  kioskResume: 'Resume the tour',
  kioskResumesAfter: (s: number) => `The tour resumes by itself after ${s} seconds without a touch.`,
} as const;

/** The interface's strings: each language's file has these keys, each a text or a function giving one. */
export type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

export default en satisfies Strings as Strings;
