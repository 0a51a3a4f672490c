// places.geojson: the story's places, each checked on its own.
import { z } from 'zod';
import type { LngLat, Place } from '../../lib/story/types.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { placeSchema, placesSchema } from './places.schema.ts';

export function readPlaces(ctx: StoryContext): Catalogue<Place> {
  const places = new Catalogue<Place>(
    'place',
    (pid) => `place "${pid}" does not exist (see ${ctx.rel('places.geojson')})`,
  );
  const file = ctx.read('places.geojson');
  const langs = ctx.languages;
  const topSchema = placesSchema(langs).extend({ features: z.array(z.unknown()) });
  const place = placeSchema(langs);
  const top = file ? topSchema.safeParse(file.data()) : undefined;
  if (!file || !top?.success) {
    if (file && top && !top.success) ctx.problems.zod(file, top.error);
    places.checkable = false;
    return places;
  }
  top.data.features.forEach((raw, i) => {
    const parsed = place.safeParse(raw);
    if (!parsed.success) {
      const where = ctx.firstProblem(() =>
        ctx.problems.zod(file, parsed.error, { prefix: ['features', i] }),
      )!;
      const pid = idOf(raw);
      if (pid && !places.items.has(pid)) places.invalid.set(pid, where);
      return;
    }
    const p = parsed.data.properties;
    if (places.items.has(p.id) || places.invalid.has(p.id)) {
      ctx.problems.at(file, ['features', i, 'properties', 'id'], `duplicate place id "${p.id}"`);
      return;
    }
    places.items.set(p.id, {
      id: p.id,
      name: Object.fromEntries((langs ?? []).map((l) => [l, (p as Record<string, unknown>)[`name_${l}`]])),
      coordinates: parsed.data.geometry.coordinates as LngLat,
      province: p.province,
      source: p.source,
      accuracy: p.accuracy,
    });
  });
  return places;
}

/** The id a broken feature was meant to have, so that references to it can point here. */
function idOf(raw: unknown): string | undefined {
  const props = raw && typeof raw === 'object' ? (raw as { properties?: unknown }).properties : undefined;
  const pid = props && typeof props === 'object' ? (props as { id?: unknown }).id : undefined;
  return typeof pid === 'string' ? pid : undefined;
}
