// The author's view in English (dev server only). Each language has a file like this one with the
// same keys (zh.ts, fr.ts, es.ts); a unit test fails when one lacks a key another has.

const en = {
  title: 'Author’s view',
  panel: 'Author’s tools',
  intro:
    'Move the map to the view you want, then copy its camera into the chapter file. Saving a story file reloads the story here, on the same chapter.',
  chapters: 'Chapters',
  chapterButton: (n: number, title: string, id: string) => `${n}. ${title} (${id})`,
  editing: 'Editing',
  fileToEdit: 'File to edit',
  cameraNow: 'The map’s camera now',
  cameraInFile: 'In the file now',
  copyCamera: 'Copy the camera line',
  copied: 'Copied to the clipboard.',
  selected: 'The clipboard could not be used: the text is selected, press Ctrl+C (⌘C) to copy it.',
  reset: 'Back to the chapter’s camera',
  moved: 'The map has moved from the chapter’s camera.',
  atChapter: 'The map shows the chapter’s camera.',
  place: 'A place',
  placeHelp:
    'Click the map to take a point (or press P for the centre of the map), then add the entry to the "features" list of the places file and give it its id, names, province and source.',
  placeNone: 'No point taken yet.',
  /** A picked place's name until the author gives it its own (in places.geojson). */
  newPlace: 'New place',
  copyPlace: 'Copy the place entry',
  placeAtCentre: 'Take the centre of the map',
  keysHint:
    'Map: Tab to it, then arrows pan, + and − zoom, Shift+arrows rotate and tilt. Page Up / Page Down: chapter · C: copy the camera · P: the centre as a place · R: back to the chapter’s camera',
  mapNotReady: 'The map is loading…',
  colon: ': ',
} as const;

/** The author's view's strings: each language's file has these keys. */
export type AuthorStrings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

export default en satisfies AuthorStrings as AuthorStrings;
