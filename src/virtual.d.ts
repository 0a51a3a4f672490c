declare module 'virtual:story' {
  const story: import('./lib/story/types').Story;
  export default story;
}

declare module 'virtual:locator' {
  const outline: import('./lib/map/locator').LocatorOutline;
  export default outline;
}

declare module 'virtual:locator-frame' {
  /** The inset's size, and whether this story's map shows it (its places lie mostly in the outline). */
  const frame: Pick<import('./lib/map/locator').LocatorOutline, 'width' | 'height'> & { shown: boolean };
  export default frame;
}

declare module 'virtual:fonts' {
  const faces: import('./lib/map/style/fonts').MapFontFace[];
  export default faces;
}

declare module 'virtual:fonts.css';

declare module 'virtual:basemap-coverage' {
  const coverage: import('./lib/map/coverage').BasemapCoverage;
  export default coverage;
}
