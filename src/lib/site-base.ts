// Where the site is served on its host ('/' or a folder such as '/grand-canal/', with the final
// slash): the build's base path (src/build/site/base.ts), as Vite gives it to the browser code.
// Every address the app makes for a file of its own (the service worker, the basemap archive,
// the /zh/ page) starts with it, so that several stories can share one host.
export const BASE: string = import.meta.env.BASE_URL;
