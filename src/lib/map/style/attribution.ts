// The basemap's attribution, in a module of its own so that the story's credits can name the
// data sources without pulling the style into the first chunk.
type Flavor = 'embedded' | 'protomaps';

const EMBEDDED_ATTRIBUTION =
  '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a> shorelines &amp; rivers (LGPL) · ' +
  '<a href="https://www.soest.hawaii.edu/pwessel/dcw/">DCW</a> provinces (LGPL) · ' +
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> countries (public domain) · ' +
  'river lines near Chaotianmen corrected schematically · borders de facto, disputed ones dashed';

const PROTOMAPS_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a> (ODbL) · ' +
  '<a href="https://protomaps.com">Protomaps</a> · ' +
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)';

/** Attribution HTML for the embedded archive. */
export const BASEMAP_ATTRIBUTION: string = EMBEDDED_ATTRIBUTION;

/** Attribution HTML for either flavor. */
export function basemapAttribution(flavor: Flavor = 'embedded'): string {
  return flavor === 'protomaps' ? PROTOMAPS_ATTRIBUTION : EMBEDDED_ATTRIBUTION;
}
