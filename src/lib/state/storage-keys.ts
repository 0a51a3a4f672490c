// Names under which the app keeps things in the browser, derived from the story's id, so that two
// stories served from one host never read each other's storage.

/** The key of one stored setting of the story `storyId` (localStorage, sessionStorage). */
export function storageKey(storyId: string, name: string): string {
  return `${storyId}-story:${name}`;
}
