// Every piece of interface text, by language: the files are in src/lib/i18n/ (one per language).
// Kept here for the views that import it from this folder.
export { STRINGS, HTML_LANG } from '../i18n/strings.ts';
