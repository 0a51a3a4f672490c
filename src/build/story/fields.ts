// The kinds of field several story files share: plain text, ids and references by id, and
// coordinates. Texts in the story's languages are languages.ts's.
import { z } from 'zod';
import { ID_PATTERN, ID_RULE } from './id.js';

export const text = z.string().trim().min(1, 'must not be empty');

export const id = z.string().regex(new RegExp(ID_PATTERN), `must be ${ID_RULE} (it is used in links)`);

/** A reference to an item of another file (or of the same), by its id. */
export const ref = (what: string, example: string) =>
  id.meta({ description: `The id of ${what}.`, examples: [example] });

const longitude = z
  .number()
  .min(-180, 'longitude must be between -180 and 180')
  .max(180, 'longitude must be between -180 and 180');
const latitude = z
  .number()
  .min(-85, 'latitude must be between -85 and 85')
  .max(85, 'latitude must be between -85 and 85');
export const lngLat = z.tuple([longitude, latitude]);
