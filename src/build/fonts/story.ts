// The one place the font build reads the app: the story (through the story loader, so the fonts
// see the compiled story as the page does) and the English interface text. When these modules
// move, only the lines below change.
export { loadStory } from '../story/load.ts';
export { MODE_STRINGS as UI_STRINGS } from '../../lib/ui/mode-strings.ts';
