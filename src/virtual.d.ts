declare module 'virtual:story' {
  const story: import('./lib/story/types').Story;
  export default story;
}

declare module 'virtual:locator' {
  const outline: import('./lib/map/locator').LocatorOutline;
  export default outline;
}
