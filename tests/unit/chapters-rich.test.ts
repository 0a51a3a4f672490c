// Issue 7: figures render with text alternatives whose numbers come from the story data, and
// every source is credited. Rendered with Svelte's server renderer, as the prerendered page is.
import { describe, expect, test } from 'vitest';
import { render } from 'svelte/server';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import ChapterText from '../../src/lib/ui/ChapterText.svelte';
import { loadStory, readStoryFolder } from '../../src/build/story/load';
import { compileStory, StoryError } from '../../src/build/story/compile';
import { basemapAttribution } from '../../src/lib/map/style';
import { basemapCredit, storyBasemapCredit, usedSourceIds } from '../../src/lib/ui/credits';
import type { Lang } from '../../src/lib/story/types';
import { length, lineString } from '@turf/turf';
import { sliceDrawn } from '../../src/lib/map/route-draw';
import { formatKm } from '../../src/lib/ui/format';
import { STRINGS } from '../../src/lib/ui/strings';

const DIR = 'src/stories/liangjiang';
const { story } = loadStory(DIR);
const rawFigures = parse(readFileSync(`${DIR}/figures.yaml`, 'utf8')) as Record<
  string,
  { values: { value: number }[]; factor?: Record<Lang, number> }
>;

function chapterDom(id: string, lang: Lang): Document {
  const chapter = story.chapters.find((c) => c.id === id)!;
  const number = story.chapters.indexOf(chapter) + 1;
  const { body } = render(ChapterText, { props: { story, chapter, number, lang } });
  return new JSDOM(`<body>${body}</body>`).window.document;
}

/** A number as the data gives it, scaled for the language: 100.2 → "1002" for 亿元. */
function expectedNumber(fid: string, i: number, lang: Lang): string {
  const f = rawFigures[fid]!;
  return String(Number((f.values[i]!.value * (f.factor?.[lang] ?? 1)).toPrecision(12)));
}

describe('figures', () => {
  const withFigures = story.chapters.filter((c) => c.figures.length > 0);

  test('the story charts GDP, Fortune 500 companies, foreign investment and countries', () => {
    expect(withFigures.flatMap((c) => c.figures).sort()).toEqual(
      ['countries', 'fdi', 'fortune500', 'gdp'].sort(),
    );
  });

  for (const lang of story.languages) {
    test(`each figure renders with a text alternative carrying the data's numbers (${lang})`, () => {
      for (const c of withFigures) {
        const doc = chapterDom(c.id, lang);
        for (const fid of c.figures) {
          const fig = doc.querySelector(`figure[data-figure-id="${fid}"]`);
          expect(fig, fid).not.toBeNull();
          const caption = fig!.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ');
          rawFigures[fid]!.values.forEach((_, i) => {
            expect(caption, `${fid} in ${lang}`).toContain(expectedNumber(fid, i, lang));
          });
          // A chart is drawn only for the eye; its numbers are in the caption.
          const svg = fig!.querySelector('svg');
          if (svg) expect(svg.getAttribute('aria-hidden')).toBe('true');
        }
      }
    });
  }

  test('Chinese amounts read naturally: GDP in 亿元 and investment in 亿美元', () => {
    const doc = chapterDom('smart-city', 'zh');
    const gdp = doc.querySelector('[data-figure-id="gdp"] figcaption')!.textContent!;
    expect(gdp).toContain(`${expectedNumber('gdp', 0, 'zh')} 亿元`);
    expect(gdp).toContain(`${expectedNumber('gdp', 1, 'zh')} 亿元`);
    const fdi = doc.querySelector('[data-figure-id="fdi"] figcaption')!.textContent!;
    expect(fdi).toContain(`${expectedNumber('fdi', 0, 'zh')} 亿美元`);
    const en = chapterDom('smart-city', 'en');
    expect(en.querySelector('[data-figure-id="fdi"] figcaption')!.textContent).toContain(
      `US$${expectedNumber('fdi', 0, 'en')} billion`,
    );
  });

  test('the GDP bars are drawn to scale from zero', () => {
    const doc = chapterDom('smart-city', 'en');
    const bars = [...doc.querySelectorAll('[data-figure-id="gdp"] rect')].map((r) =>
      Number(r.getAttribute('height')),
    );
    const [a, b] = rawFigures.gdp!.values.map((v) => v.value);
    expect(bars).toHaveLength(2);
    expect(bars[1]! / bars[0]!).toBeCloseTo(b! / a!, 6);
  });
});

describe('sources', () => {
  test('every chapter lists at least one source, and shows them', () => {
    for (const c of story.chapters) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      const doc = chapterDom(c.id, 'en');
      expect(doc.querySelectorAll('[data-source-id]').length, c.id).toBeGreaterThanOrEqual(c.sources.length);
    }
  });

  test('the credits chapter is the last and lists every data source of the map', () => {
    const credits = story.chapters.filter((c) => c.credits);
    expect(credits).toHaveLength(1);
    expect(story.chapters[story.chapters.length - 1]!.credits).toBe(true);
    for (const lang of story.languages) {
      const doc = chapterDom(credits[0]!.id, lang);
      const listed = [...doc.querySelectorAll('[data-source-id]')].map((e) =>
        e.getAttribute('data-source-id'),
      );
      // Every source cited by a chapter, a layer or a figure, and everything in the catalogue.
      for (const id of usedSourceIds(story)) expect(listed, `${id} (${lang})`).toContain(id);
      for (const s of story.sources) {
        expect(listed).toContain(s.id);
        expect(doc.body.textContent).toContain(s.title[lang]);
        expect(doc.body.textContent).toContain(s.publisher);
      }
      // And the basemap's own attribution, as text.
      const credit = basemapCredit(basemapAttribution('embedded', lang, story.basemapNotes));
      expect(credit).not.toMatch(/[<>]/);
      expect(doc.body.textContent!.replace(/\s+/g, ' ')).toContain(credit);
    }
  });

  test('the credits chapter credits the basemap the story uses: OpenStreetMap and Protomaps for a protomaps archive', () => {
    const credits = story.chapters.find((c) => c.credits)!;
    const text = (s: typeof story, lang: Lang) => {
      const { body } = render(ChapterText, { props: { story: s, chapter: credits, number: 9, lang } });
      return new JSDOM(`<body>${body}</body>`).window.document.body.textContent!.replace(/\s+/g, ' ');
    };
    const osm = { ...story, basemapKind: 'protomaps' as const };
    expect(text(osm, 'en')).toContain('© OpenStreetMap contributors (ODbL) · Protomaps');
    expect(text(osm, 'zh')).toContain('© OpenStreetMap 贡献者（ODbL）· Protomaps');
    // the story's own notes on its map follow the data sets' credit either way
    expect(text(osm, 'en')).toContain(storyBasemapCredit(osm, 'en'));
    expect(storyBasemapCredit(osm, 'en')).toMatch(new RegExp(`Protomaps.* · ${story.basemapNotes!.en}$`));
    expect(text(story, 'en')).toContain('GSHHG');
    expect(text(story, 'en')).not.toContain('OpenStreetMap');
  });

  test('each layer names its length or area in the legend of its chapter', () => {
    for (const c of story.chapters.filter((x) => x.layers.length)) {
      const doc = chapterDom(c.id, 'en');
      for (const id of c.layers) {
        const item = doc.querySelector(`[data-overlay-id="${id}"]`);
        expect(item, `${c.id}: ${id}`).not.toBeNull();
        const o = story.overlays.find((x) => x.id === id)!;
        if (o.kind === 'route') expect(item!.textContent).toMatch(/about [\d,]+ km/);
        else expect(item!.textContent).toContain('1,200 km²');
        if (o.schematic && o.kind === 'route') expect(item!.querySelector('.legend-note')).not.toBeNull();
      }
    }
  });
});

describe('the story format checks the new fields', () => {
  const real = readStoryFolder(DIR);
  const problems = (files: Map<string, string>): string[] => {
    try {
      compileStory(files, { dir: DIR });
    } catch (e) {
      if (e instanceof StoryError)
        return e.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
      throw e;
    }
    throw new Error('compiled, but should not have');
  };
  const edit = (name: string, f: (t: string) => string) => {
    const files = new Map(real);
    const changed = f(files.get(name)!);
    expect(changed).not.toBe(files.get(name));
    files.set(name, changed);
    return files;
  };

  test('a figure format without {n}', () => {
    const files = edit('figures.yaml', (t) => t.replace("'{n} billion yuan'", "'billion yuan'"));
    const line =
      files
        .get('figures.yaml')!
        .split('\n')
        .findIndex((l) => l.includes("'billion yuan'")) + 1;
    expect(problems(files)).toContain(
      `${DIR}/figures.yaml:${line}: gdp.format.en: must contain {n} where the number goes`,
    );
  });

  test('a figure factor that is not positive', () => {
    const files = edit('figures.yaml', (t) =>
      t.replace('factor: { en: 1, zh: 10 }', 'factor: { en: 1, zh: -10 }'),
    );
    expect(problems(files).some((p) => p.includes('gdp.factor.zh: must be a positive number'))).toBe(true);
  });

  test('a credits chapter that forgets a source the story uses', () => {
    const name = [...real.keys()].find((n) => /credits/.test(n))!;
    const files = edit(name, (t) => t.replace(/, ourairports\]/, ']'));
    const line =
      files
        .get(name)!
        .split('\n')
        .findIndex((l) => l.startsWith('sources:')) + 1;
    expect(problems(files)).toContain(
      `${DIR}/${name}:${line}: sources: the credits chapter must list source "ourairports" (used by chapter "the-area")`,
    );
  });
});

describe('a route told over several chapters (the test story)', () => {
  const fixture = loadStory('tests/fixtures/grand-canal').story;
  const canal = fixture.overlays.find((o) => o.id === 'grand-canal')!;
  const coords = (canal.geometry as GeoJSON.LineString).coordinates;
  const legend = (chapterId: string, lang: Lang) => {
    const chapter = fixture.chapters.find((c) => c.id === chapterId)!;
    const number = fixture.chapters.indexOf(chapter) + 1;
    const { body } = render(ChapterText, { props: { story: fixture, chapter, number, lang } });
    const doc = new JSDOM(`<body>${body}</body>`).window.document;
    return doc.querySelector('[data-overlay-id="grand-canal"] .legend-measure')!.textContent;
  };

  test('a chapter that draws it part of the way gives the length drawn so far beside the whole', () => {
    const partial = fixture.chapters.filter((c) => (c.routeEnds?.['grand-canal'] ?? 1) < 1);
    expect(partial.map((c) => c.id)).toEqual(['south', 'north']);
    let before = 0;
    for (const c of partial) {
      const km = c.routeEndKm!['grand-canal']!;
      // The drawn part and the rest of the line make the whole route.
      const rest = sliceDrawn([...coords].reverse(), 1 - c.routeEnds!['grand-canal']!);
      const restKm = length(lineString(rest), { units: 'kilometers' });
      expect(Math.abs(km + restKm - canal.measure), c.id).toBeLessThan(1);
      // Chapter by chapter, more of the route is drawn.
      expect(km, c.id).toBeGreaterThan(before);
      before = km;
      for (const lang of fixture.languages)
        expect(legend(c.id, lang), `${c.id} (${lang})`).toBe(
          STRINGS[lang].routeLengthPart(formatKm(km, lang), formatKm(canal.measure, lang)),
        );
    }
    expect(legend('south', 'en')).toMatch(/^drawn so far: about [\d,]+ km of [\d,]+ km$/);
    // The chapter that draws it to its end gives the whole length only.
    const last = fixture.chapters.findLast((c) => c.layers.includes('grand-canal'))!;
    expect(last.routeEndKm).toBeUndefined();
    expect(legend(last.id, 'en')).toBe(STRINGS.en.routeLength(formatKm(canal.measure, 'en')));
  });
});
