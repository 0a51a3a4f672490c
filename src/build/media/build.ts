// The pictures and videos of a compiled story, read from its folder, checked and made for the web:
// each chapter's `media` gets its built `image` (a photograph, an illustration, a video's poster)
// and `video`, and the site gets their files under media/, named by their content. Every problem
// is reported as the story compiler reports its own (file, line, chapter, field: `media[0].file`),
// all at once, and stops the build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type {
  BuiltImage,
  BuiltVideo,
  Chapter,
  Lang,
  Localized,
  Media,
  MediaFormat,
  Story,
} from '../../lib/story/types.ts';
import { chapterFrontMatter } from '../story/chapters.ts';
import { StoryError, type SourceFile, type StoryProblem } from '../story/problems.ts';
import { contentHash, MediaCache } from './cache.ts';
import { BUDGETS, MEDIA_DIR, fileKind, formatBytes } from './config.ts';
import { buildRaster, svgColor, type RasterFormat, type RasterResult } from './image.ts';
import { checkSvg } from './svg.ts';
import { checkCaptions, checkVideo, type VideoFormat } from './video.ts';

export interface MediaBuildOptions {
  /** The story folder. */
  storyDir: string;
  /** The folder as messages show it (relative to the project root), as the compiler was given it. */
  label: string;
  /** The story's files by their path in the folder: the chapters' front matter gives the lines. */
  texts: ReadonlyMap<string, string>;
  /** The path the site is served under ('/' or '/<folder>/'). */
  base: string;
  cacheDir: string;
}

/** A built file for the site: where it goes (under the base path) and where it is now. */
export interface MediaSiteFile {
  fileName: string;
  path: string;
  type: string;
  /** The width of a picture's file, in px (absent for SVGs, videos and captions). */
  width?: number;
}

const TYPES: Record<RasterFormat, MediaFormat['type']> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
const EXT: Record<RasterFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };

interface CachedRaster extends Omit<RasterResult, 'outputs'> {
  outputs: { format: RasterFormat; width: number; height: number; bytes: number; name: string }[];
}
interface CachedSvg {
  problems: string[];
  unsafe: string[];
  width: number;
  height: number;
  color: string;
  name: string;
}

/** The story with its media built, and the files they add to the site; a StoryError with every problem. */
export async function buildStoryMedia(
  story: Story,
  opts: MediaBuildOptions,
): Promise<{ story: Story; files: MediaSiteFile[] }> {
  const cache = new MediaCache(opts.cacheDir);
  const problems: StoryProblem[] = [];
  const files = new Map<string, MediaSiteFile>();
  const url = (name: string) => `${opts.base}${MEDIA_DIR}/${name}`;
  const addFile = (f: MediaSiteFile) => void files.set(f.fileName, f);
  // One build of each file, however many chapters list it.
  const made = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!made.has(key)) made.set(key, make());
    return made.get(key) as Promise<T>;
  };

  const raster = (rel: string, bytes: Buffer) =>
    once(`raster:${rel}`, async () => {
      const entry = await cache.get<CachedRaster>(cache.key('raster', bytes), async () => {
        const r = await buildRaster(bytes);
        const out = new Map<string, Uint8Array>();
        const outputs = r.outputs.map((o) => {
          const name = `${o.width}w.${contentHash(o.data)}.${EXT[o.format]}`;
          out.set(name, o.data);
          return { format: o.format, width: o.width, height: o.height, bytes: o.data.length, name };
        });
        return { result: { ...r, outputs }, files: out };
      });
      const r = entry.result;
      const stem = stemOf(rel);
      const formats = (['avif', 'webp', 'jpeg', 'png'] as const)
        .map((format): MediaFormat => {
          const list = r.outputs.filter((o) => o.format === format);
          for (const o of list)
            addFile({
              fileName: `${MEDIA_DIR}/${stem}-${o.name}`,
              path: entry.path(o.name),
              type: TYPES[format],
              width: o.width,
            });
          return {
            type: TYPES[format],
            files: list.map((o) => ({ url: url(`${stem}-${o.name}`), width: o.width, bytes: o.bytes })),
          };
        })
        .filter((f) => f.files.length);
      const widest = r.outputs.at(-1);
      const image: BuiltImage = {
        width: widest?.width ?? r.width,
        height: widest?.height ?? r.height,
        formats,
        placeholder: { color: r.placeholder.color, preview: r.placeholder.preview },
      };
      return { problems: r.problems, image };
    });

  const svg = (rel: string, bytes: Buffer) =>
    once(`svg:${rel}`, async () => {
      const entry = await cache.get<CachedSvg>(cache.key('svg', bytes), async () => {
        const check = checkSvg(bytes.toString('utf8'));
        const ok = !check.problems.length && !check.unsafe.length;
        const name = `${contentHash(bytes)}.svg`;
        return {
          result: { ...check, color: ok ? await svgColor(bytes) : '', name },
          files: new Map(ok ? [[name, bytes]] : []),
        };
      });
      const r = entry.result;
      const problems = [...r.problems];
      if (r.unsafe.length)
        problems.push(
          'is refused: an SVG must hold no scripts, event handlers or references outside itself, and ' +
            `this one holds ${r.unsafe.join('; ')} (remove them, or export the drawing again as plain SVG)`,
        );
      if (bytes.length > BUDGETS.svg)
        problems.push(
          `is ${formatBytes(bytes.length)}: an SVG is served as it is, and may be at most ${formatBytes(BUDGETS.svg)} (simplify it)`,
        );
      if (problems.length) return { problems, image: undefined };
      const fileName = `${MEDIA_DIR}/${stemOf(rel)}.${r.name}`;
      addFile({ fileName, path: entry.path(r.name), type: 'image/svg+xml' });
      const image: BuiltImage = {
        width: r.width,
        height: r.height,
        formats: [
          {
            type: 'image/svg+xml',
            files: [{ url: url(fileName.slice(MEDIA_DIR.length + 1)), width: r.width, bytes: bytes.length }],
          },
        ],
        placeholder: { color: r.color },
      };
      return { problems, image };
    });

  /** A file served as it is (a video, captions), under its content-hashed name. */
  const asIs = (rel: string, path: string, bytes: Buffer, type: string) => {
    const dot = rel.lastIndexOf('.');
    const name = `${stemOf(rel)}.${contentHash(bytes)}${rel.slice(dot).toLowerCase()}`;
    addFile({ fileName: `${MEDIA_DIR}/${name}`, path, type });
    return url(name);
  };

  const chapters: Chapter[] = [];
  for (const chapter of story.chapters) {
    if (!chapter.media.length) {
      chapters.push(chapter);
      continue;
    }
    // The story compiled, so every item of the front matter is in `chapter.media`, in its order:
    // the raw item at the same index gives the video's poster and captions and the lines.
    const front = frontOf(chapter, opts);
    const raw = ((front?.data() as { media?: Record<string, unknown>[] } | null)?.media ?? []) as {
      poster?: string;
      captions?: Partial<Localized> | string;
    }[];
    const media: Media[] = [];
    for (const [i, item] of chapter.media.entries()) {
      const report = (path: (string | number)[], message: string) =>
        problems.push({
          file: chapter.file,
          line: front?.lineOf(['media', i, ...path]) ?? 1,
          chapter: chapter.id,
          field: `media[${i}].${path.join('.')}`,
          message,
        });
      /** The file's bytes, or a problem at `path` when it is not in the folder. */
      const read = (rel: string, path: (string | number)[]) => {
        const full = join(opts.storyDir, rel);
        if (!existsSync(full) || !statSync(full).isFile()) {
          report(path, `the file "${rel}" is not in the story folder (${opts.label}/${rel})`);
          return undefined;
        }
        return { full, bytes: readFileSync(full) };
      };
      const built: Media = { ...item };
      const source = read(item.file, ['file']);
      const kind = fileKind(item.file)!;
      if (source && kind.kind === 'video') {
        const format = kind.format as VideoFormat;
        for (const p of checkVideo(source.bytes, format)) report(['file'], `"${item.file}" ${p}`);
        const video: BuiltVideo = {
          url: asIs(item.file, source.full, source.bytes, `video/${format}`),
          type: `video/${format}`,
          bytes: source.bytes.length,
        };
        const written = raw[i]?.captions;
        if (written) {
          // One plain file stands for the only language of a story told in one.
          const captions: Partial<Localized> =
            typeof written === 'string' ? { [story.languages[0]!]: written } : written;
          const urls: Partial<Localized> = {};
          for (const lang of story.languages) {
            const rel = captions[lang];
            const file = rel && read(rel, ['captions', lang]);
            if (!rel || !file) continue;
            const found = checkCaptions(file.bytes);
            for (const p of found) report(['captions', lang], `"${rel}" ${p}`);
            if (!found.length) urls[lang] = asIs(rel, file.full, file.bytes, 'text/vtt');
          }
          if (story.languages.every((l: Lang) => urls[l])) video.captions = urls as Localized;
        }
        built.video = video;
        const poster = raw[i]?.poster;
        const posterFile = poster ? read(poster, ['poster']) : undefined;
        if (poster && posterFile) {
          const r = await raster(poster, posterFile.bytes);
          for (const p of r.problems) report(['poster'], `"${poster}" ${p}`);
          built.image = r.image;
        }
      } else if (source && kind.format === 'svg') {
        const r = await svg(item.file, source.bytes);
        for (const p of r.problems) report(['file'], `"${item.file}" ${p}`);
        if (r.image) built.image = r.image;
      } else if (source) {
        const r = await raster(item.file, source.bytes);
        for (const p of r.problems) report(['file'], `"${item.file}" ${p}`);
        built.image = r.image;
      }
      media.push(built);
    }
    chapters.push({ ...chapter, media });
  }
  if (problems.length) throw new StoryError(problems);
  return { story: { ...story, chapters }, files: [...files.values()] };
}

/** The chapter's front matter, for the lines of its fields. */
function frontOf(chapter: Chapter, opts: MediaBuildOptions): SourceFile | undefined {
  const name = chapter.file.startsWith(`${opts.label}/`) ? chapter.file.slice(opts.label.length + 1) : '';
  const text = opts.texts.get(name);
  return text === undefined ? undefined : chapterFrontMatter(chapter.file, text);
}

/** A file's name without its folder and ending, in the characters a URL keeps as they are. */
function stemOf(rel: string): string {
  return (
    basename(rel)
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'media'
  );
}
