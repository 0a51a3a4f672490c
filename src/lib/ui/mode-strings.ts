// The interface text of the classroom, handout and kiosk modes: the same strings as every page
// (src/lib/i18n/, one file per language), kept under this name for the modes that import it.
export { STRINGS as MODE_STRINGS } from '../i18n/strings.ts';
