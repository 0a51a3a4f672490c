// chapters/*.md: front matter (YAML between two "---" lines), then the text in "::: en" and
// "::: zh" sections and speaker notes in "::: notes en" and "::: notes zh". Each chapter file is
// checked on its own; what it names in other files is checked in references.ts.
import { LANGS, type Chapter, type Lang, type Localized } from '../../lib/story/types.ts';
import type { StoryContext } from './context.ts';
import { markdownImages, markdownToText, renderMarkdown } from './markdown.ts';
import { SourceFile } from './problems.ts';
import { chapterSchema, type ChapterInput } from './schema.ts';

/** A chapter that passed its own checks, with its front matter for the lines of its fields. */
export interface ChapterEntry {
  chapter: Chapter;
  input: ChapterInput;
  front: SourceFile;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const SECTION = /^:::[ \t]*(notes[ \t]+)?([a-z]{2})[ \t]*$/;
const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: 'Chinese' };

export const CHAPTER_FILE = /^chapters\/[^/]+\.md$/;

/** The chapters in file-name order. */
export function readChapters(ctx: StoryContext, defaultDwell: number | undefined): ChapterEntry[] {
  const names = [...ctx.files.keys()].filter((n) => CHAPTER_FILE.test(n)).sort();
  if (names.length === 0)
    ctx.problems.add({
      file: ctx.rel('chapters'),
      line: 1,
      message: 'the story has no chapters (chapters/*.md)',
    });
  const entries: ChapterEntry[] = [];
  const idLine = new Map<string, string>();
  for (const name of names) {
    const parsedFile = parseChapterFile(ctx, ctx.rel(name), ctx.files.get(name)!);
    if (!parsedFile) continue;
    const { front } = parsedFile;
    const raw = front.data() as Record<string, unknown> | null;
    const label = typeof raw?.id === 'string' ? raw.id : name;
    const parsed = chapterSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      ctx.problems.zod(front, parsed.error, { chapter: label });
      continue;
    }
    const c = parsed.data;
    const seen = idLine.get(c.id);
    if (seen) ctx.problems.at(front, ['id'], `duplicate chapter id "${c.id}" (also used in ${seen})`, c.id);
    else idLine.set(c.id, front.at(['id']));
    refuseMarkdownImages(ctx, parsedFile, c.id);
    for (const lang of LANGS) {
      if (!parsedFile.body[lang]?.trim())
        ctx.problems.add({
          file: front.path,
          line: parsedFile.bodyLine[lang] ?? front.lineOf([]),
          chapter: c.id,
          field: `text.${lang}`,
          message: `the chapter has no ${LANG_NAMES[lang]} text (a "::: ${lang}" section)`,
        });
    }
    entries.push({
      input: c,
      front,
      chapter: {
        id: c.id,
        file: front.path,
        title: localize((l) => markdownToText(c.title[l])),
        html: localize((l) => renderMarkdown(parsedFile.body[l] ?? '')),
        description: c.description,
        notes: localize((l) => (parsedFile.notes[l] ? renderMarkdown(parsedFile.notes[l]!) : '')),
        camera: c.camera,
        places: c.places,
        highlight: c.highlight,
        layers: c.layers.map(layerId),
        sources: c.sources,
        figures: c.figures,
        dwell: c.dwell ?? defaultDwell ?? 12,
        credits: c.credits,
        media: [], // filled by resolveMedia (media.ts) once the sources and places are known
      },
    });
  }
  return entries;
}

/** The overlay a chapter's `layers` entry names: an id, or a route drawn part of the way. */
export function layerId(entry: ChapterInput['layers'][number]): string {
  return typeof entry === 'string' ? entry : entry.route;
}

function localize<T>(f: (l: Lang) => T): Localized<T> {
  return { en: f('en'), zh: f('zh') };
}

/**
 * A picture written in the text with Markdown's image syntax would be a broken picture (the build
 * copies no such file, and it has no alt text check, no credit, no sizes): refused, where it is.
 */
function refuseMarkdownImages(ctx: StoryContext, file: ParsedChapterFile, chapter: string): void {
  for (const kind of ['body', 'notes'] as const)
    for (const lang of LANGS) {
      const text = file[kind][lang];
      const start = file[kind === 'body' ? 'bodyLine' : 'notesLine'][lang];
      if (!text || start === undefined) continue;
      for (const { line, src } of markdownImages(text))
        ctx.problems.add({
          file: file.front.path,
          line: start + 1 + line,
          chapter,
          field: `${kind === 'body' ? 'text' : 'notes'}.${lang}`,
          message:
            `a picture written in the text (![…](${src})) is not built: list it under "media:" in the ` +
            'front matter, with its alt text and source (see docs/story-format.md, "Pictures and videos")',
        });
    }
}

interface ParsedChapterFile {
  front: SourceFile;
  body: Partial<Record<Lang, string>>;
  notes: Partial<Record<Lang, string>>;
  bodyLine: Partial<Record<Lang, number>>;
  notesLine: Partial<Record<Lang, number>>;
}

/** The front matter of a chapter file, which knows the line of each field; undefined without one. */
export function chapterFrontMatter(path: string, text: string): SourceFile | undefined {
  const m = FRONT_MATTER.exec(text);
  return m ? new SourceFile(path, m[1]!, 1) : undefined;
}

function parseChapterFile(ctx: StoryContext, path: string, text: string): ParsedChapterFile | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    ctx.problems.add({
      file: path,
      line: 1,
      message: 'a chapter file must start with front matter between two "---" lines',
    });
    return undefined;
  }
  const front = chapterFrontMatter(path, text)!;
  for (const { line, message } of front.readErrors())
    ctx.problems.add({ file: path, line, message: `front matter cannot be read: ${message}` });
  if (front.doc.errors.length) return undefined;
  const body: ParsedChapterFile['body'] = {};
  const notes: ParsedChapterFile['notes'] = {};
  const bodyLine: ParsedChapterFile['bodyLine'] = {};
  const notesLine: ParsedChapterFile['notesLine'] = {};
  const lines = text.slice(m[0].length).split(/\r?\n/);
  const firstLine = m[0].split('\n').length;
  let target: { kind: 'body' | 'notes'; lang: Lang } | undefined;
  const buf: string[] = [];
  const flush = () => {
    if (target) {
      const dict = target.kind === 'body' ? body : notes;
      dict[target.lang] = (dict[target.lang] ?? '') + buf.join('\n');
    }
    buf.length = 0;
  };
  lines.forEach((line, i) => {
    const s = SECTION.exec(line);
    if (s || line.trim() === ':::') {
      flush();
      target = undefined;
      if (!s) return;
      const lang = s[2] as Lang;
      if (!(LANGS as readonly string[]).includes(lang)) {
        ctx.problems.add({
          file: path,
          line: firstLine + i,
          message: `unknown language "${s[2]}" (use ${LANGS.join(' or ')})`,
        });
        return;
      }
      target = { kind: s[1] ? 'notes' : 'body', lang };
      (s[1] ? notesLine : bodyLine)[lang] ??= firstLine + i;
      return;
    }
    if (target) buf.push(line);
    else if (line.trim())
      ctx.problems.add({
        file: path,
        line: firstLine + i,
        message: 'text outside a "::: en" or "::: zh" section would be lost',
      });
  });
  flush();
  return { front, body, notes, bodyLine, notesLine };
}
