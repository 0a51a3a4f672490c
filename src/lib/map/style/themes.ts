// Colours of the basemap, light and dark. Calm and low in contrast, so that the story's own
// layers (drawn on top, ids 'story-…') carry the emphasis.
/** The map's look: light for reading and slides, dark for the kiosk. */
export type Theme = 'light' | 'dark';

export interface BasemapPalette {
  water: string;
  earth: string;
  river: string;
  lakeOutline: string;
  country: string;
  countryDisputed: string;
  region: string;
  landuse: string;
  road: string;
  roadMajor: string;
  building: string;
  label: string;
  labelMinor: string;
  labelCountry: string;
  labelWater: string;
  halo: string;
  cityDot: string;
}

export const BASEMAP_PALETTES: Record<Theme, BasemapPalette> = {
  light: {
    water: '#c9dbe5',
    earth: '#f3f0e9',
    river: '#a8c5d6',
    lakeOutline: '#b3cddb',
    country: '#8f8590',
    countryDisputed: '#8f8590',
    region: '#c4b9c2',
    landuse: '#e6ecdc',
    road: '#ffffff',
    roadMajor: '#f7e7c4',
    building: '#e4dfd6',
    label: '#3a3a3f',
    labelMinor: '#5d5d66',
    labelCountry: '#6b6170',
    labelWater: '#4b7591',
    halo: 'rgba(248,246,241,0.9)',
    cityDot: '#55525a',
  },
  dark: {
    water: '#17212b',
    earth: '#262a2f',
    river: '#31495b',
    lakeOutline: '#2c4152',
    country: '#8a8390',
    countryDisputed: '#8a8390',
    region: '#4b4a55',
    landuse: '#28302a',
    road: '#3a3e44',
    roadMajor: '#4a4940',
    building: '#30343a',
    label: '#dcdcdf',
    labelMinor: '#a9a9b0',
    labelCountry: '#b5aab8',
    labelWater: '#7fa5bf',
    halo: 'rgba(22,24,27,0.85)',
    cityDot: '#c9c9cf',
  },
};
