// A chapter's `media:` as the story compiler checks it (the text of the front matter, not yet the
// files): what each item is (photograph, illustration, video) by its file's ending, what its fields
// must say of each other, and what it names in the other story files (its source, the sources it
// is based on, the place it is pinned to). The files themselves are read, checked and built for
// the web by src/build/media, which fills in each item's `image` and `video`.
import { LANGS, type Media, type Place, type SourceRef } from '../../lib/story/types.ts';
import { CAPTIONS_ENDING, KNOWN_FORMATS, POSTER_ENDINGS, fileEnding, fileKind } from '../media/config.ts';
import type { ChapterEntry } from './chapters.ts';
import type { Catalogue, StoryContext } from './context.ts';
import { pathProblem } from './media-schema.ts';

/** Fills each chapter's `media` with the items whose fields agree, reporting each problem at its field. */
export function resolveMedia(
  ctx: StoryContext,
  chapters: ChapterEntry[],
  catalogues: { sources: Catalogue<SourceRef>; places: Catalogue<Place> },
): void {
  const { sources, places } = catalogues;
  // The story's languages (every language the interface speaks while story.yaml's are not known).
  const langs = ctx.languages ?? LANGS;
  for (const { chapter: c, front, input } of chapters) {
    input.media.forEach((m, i) => {
      const at = (key: string | (string | number)[], message: string) => {
        const path = Array.isArray(key) ? key : [key];
        ctx.problems.at(front, ['media', i, ...path], message, c.id);
      };
      const before = ctx.problems.list.length;
      const kind = fileKind(m.file);
      if (!kind)
        at(
          'file',
          `unknown format${fileEnding(m.file) ? ` "${fileEnding(m.file)}"` : ' (the file name has no ending)'}: use ${KNOWN_FORMATS}`,
        );
      const video = kind?.kind === 'video';
      const svg = kind?.format === 'svg';
      if (m.illustration !== undefined && video)
        at('illustration', 'a video is not an illustration: "illustration" is for pictures only');
      if (m.illustration === false && svg)
        at('illustration', 'an SVG is always an illustration (a drawing): remove "illustration: false"');

      if (m.decorative && m.alt)
        at(
          'alt',
          'a decorative picture has no alt text (screen readers skip it): remove "alt", or "decorative" if the picture tells something',
        );
      if (!m.decorative && !m.alt)
        at(
          'alt',
          `is required: say what the picture shows, in every language (${langs.join(', ')}); or write "decorative: true" for a picture that only decorates`,
        );

      if (kind && !video) {
        for (const key of ['poster', 'captions'] as const)
          if (m[key] !== undefined) at(key, `only a video has "${key}"`);
        if (m.speech) at('speech', 'only a video has "speech"');
      }
      if (video) {
        if (!m.poster)
          at(
            'poster',
            'is required for a video: a still picture (JPEG, PNG, WebP or AVIF) shown before it plays and on paper',
          );
        else if (!POSTER_ENDINGS.includes(fileEnding(m.poster)))
          at('poster', `must be a JPEG, PNG, WebP or AVIF picture, not "${m.poster}"`);
        if (m.speech && !m.captions)
          at(
            'captions',
            `are required when someone speaks ("speech: true"): a WebVTT file (.vtt) for each language, { ${langs.map((l) => `${l}: media/….${l}.vtt`).join(', ')} }`,
          );
        for (const lang of langs) {
          const file = m.captions?.[lang];
          if (file === undefined) continue;
          const outside = pathProblem(file);
          if (outside) at(['captions', lang], outside);
          else if (fileEnding(file) !== CAPTIONS_ENDING)
            at(['captions', lang], `must be a WebVTT file (${CAPTIONS_ENDING}), not "${file}"`);
        }
      }

      const refs: [string, (string | number)[]][] = [
        [m.source, ['source']],
        ...m.based_on.map((s, j): [string, (string | number)[]] => [s, ['based_on', j]]),
      ];
      for (const [sid, path] of refs) {
        const problem = sources.problemWith(sid);
        if (problem) at(path, problem);
      }
      if (m.place !== undefined) {
        const problem = places.problemWith(m.place);
        if (problem) at('place', problem);
        else if (!c.places.includes(m.place))
          at(
            'place',
            `place "${m.place}" pins a picture but is not listed in the chapter's "places" (the map shows only those)`,
          );
      }
      if (ctx.problems.list.length > before || !kind) return;

      const source = sources.get(m.source);
      const item: Media = {
        kind: svg || m.illustration ? 'illustration' : kind.kind,
        file: m.file,
        decorative: m.decorative,
        ...(m.alt ? { alt: m.alt } : {}),
        ...(m.caption ? { caption: m.caption } : {}),
        source: m.source,
        credit: source
          ? { publisher: source.publisher, ...(source.licence ? { licence: source.licence } : {}) }
          : { publisher: '' },
        basedOn: m.based_on,
        ...(m.place ? { place: m.place } : {}),
      };
      c.media.push(item);
    });
  }
}

/** Every source a chapter's pictures name (their credit and what they are based on). */
export function mediaSources(m: Pick<Media, 'source' | 'basedOn'>): string[] {
  return [m.source, ...m.basedOn];
}
