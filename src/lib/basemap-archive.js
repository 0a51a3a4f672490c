// The basemap archive's name and place, written once for the whole project (issue 25): the build
// puts the story's archive into the site as ARCHIVE_FILE, at the top of the site (under its base
// path), and the map loads it from there; the embedded archive, which `npm run geo` writes and a
// story uses unless its story.yaml names its own (`basemap: { archive, kind }`), is
// EMBEDDED_ARCHIVE. It lies in static/ under the same name, the folder copied into the site as it
// is, so a story without an archive of its own needs no copying. A plain ES module (like
// map/mercator.js): the browser, the build, scripts/ and the geo pipeline all import it.

/** The archive's file name in the built site: `<base path>basemap.pmtiles`. */
export const ARCHIVE_FILE = 'basemap.pmtiles';

/** The embedded archive in the repository, relative to the project's root. */
export const EMBEDDED_ARCHIVE = `static/${ARCHIVE_FILE}`;
