// What an id is, once for the whole project: the story's schema and its messages, the reference
// docs and the editors' JSON Schemas (docs.ts), `npm run new-story`, and the service worker's cache
// names (scripts/service-worker.mjs) all read it here. An id names a story, a chapter (in links:
// #id), a place, an overlay, a figure or a source; the story's id also names its storage keys and
// caches. A plain ES module with JSDoc types, so that Node's scripts import it as it is and
// TypeScript reads its types.

/** The pattern as a JSON Schema / RegExp source: lower-case letters, digits and hyphens. */
export const ID_PATTERN = '^[a-z0-9][a-z0-9-]*$';

/** Whether `value` is a well-formed id. */
export const ID = new RegExp(ID_PATTERN);

/** What an id must be, as every message about a wrong one says it. */
export const ID_RULE = 'lower-case letters, digits and hyphens';

/**
 * @param {unknown} value
 * @returns {value is string}
 */
export function isId(value) {
  return typeof value === 'string' && ID.test(value);
}
