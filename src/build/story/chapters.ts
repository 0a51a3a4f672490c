// chapters/*.md: front matter (YAML between two "---" lines), then the text in a section for each
// of the story's languages ("::: en", "::: zh", …) and speaker notes in "::: notes en", … Each
// chapter file is checked on its own; what it names in other files is checked in references.ts.
import { isLang, type Chapter, type Lang, type Localized } from '../../lib/story/types.ts';
import { chapterSchema, type ChapterInput } from './chapters.schema.ts';
import type { StoryContext } from './context.ts';
import { LANGUAGE_NAME, notDeclared } from './languages.ts';
import { markdownImages, markdownToText, renderMarkdown } from './markdown.ts';
import { SourceFile } from './problems.ts';

/** A chapter that passed its own checks, with its front matter for the lines of its fields. */
export interface ChapterEntry {
  chapter: Chapter;
  input: ChapterInput;
  front: SourceFile;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
/** A section's first line: `::: en`, `::: notes zh` (a tag as BCP 47 writes one, to name it if wrong). */
const SECTION = /^:::[ \t]*(notes[ \t]+)?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)[ \t]*$/;

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
  const langs = ctx.languages;
  const schema = chapterSchema(langs);
  for (const name of names) {
    const parsedFile = parseChapterFile(ctx, ctx.rel(name), ctx.files.get(name)!);
    if (!parsedFile) continue;
    const { front } = parsedFile;
    const raw = front.data() as Record<string, unknown> | null;
    const label = typeof raw?.id === 'string' ? raw.id : name;
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) ctx.problems.zod(front, parsed.error, { chapter: label });
    checkSections(ctx, front.path, parsedFile, parsed.data?.id ?? label);
    if (!parsed.success) continue;
    const c = parsed.data;
    const seen = idLine.get(c.id);
    if (seen) ctx.problems.at(front, ['id'], `duplicate chapter id "${c.id}" (also used in ${seen})`, c.id);
    else idLine.set(c.id, front.at(['id']));
    refuseMarkdownImages(ctx, parsedFile, c.id);
    const localize = <T>(f: (l: Lang) => T): Localized<T> =>
      Object.fromEntries((langs ?? []).map((l) => [l, f(l)]));
    entries.push({
      input: c,
      front,
      chapter: {
        id: c.id,
        file: front.path,
        title: localize((l) => markdownToText(c.title[l]!)),
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

/**
 * The sections follow the story's languages: one for each (its text must not be empty), and none
 * for a language it is not told in.
 */
function checkSections(ctx: StoryContext, file: string, parsed: ParsedChapterFile, chapter: string): void {
  const langs = ctx.languages;
  for (const s of parsed.sections) {
    const problem = !isLang(s.lang)
      ? `unknown language "${s.lang}"${langs ? ` (the story's languages are ${langs.join(', ')})` : ''}`
      : langs && !langs.includes(s.lang)
        ? notDeclared(s.lang, langs)
        : undefined;
    if (problem)
      ctx.problems.add({
        file,
        line: s.line,
        chapter,
        field: `${s.notes ? 'notes' : 'text'}.${s.lang}`,
        message: `"::: ${s.notes ? 'notes ' : ''}${s.lang}": ${problem}`,
      });
  }
  for (const lang of langs ?? []) {
    if (!parsed.body[lang]?.trim())
      ctx.problems.add({
        file,
        line: parsed.bodyLine[lang] ?? parsed.front.lineOf([]),
        chapter,
        field: `text.${lang}`,
        message: `the chapter has no ${LANGUAGE_NAME[lang]} text (a "::: ${lang}" section)`,
      });
  }
}

/**
 * A picture written in the text with Markdown's image syntax would be a broken picture (the build
 * copies no such file, and it has no alt text check, no credit, no sizes): refused, where it is.
 */
function refuseMarkdownImages(ctx: StoryContext, file: ParsedChapterFile, chapter: string): void {
  for (const kind of ['body', 'notes'] as const)
    for (const lang of Object.keys(file[kind])) {
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
  /** Each section's text by its language (a tag the interface speaks, checked against the story's after). */
  body: Partial<Record<string, string>>;
  notes: Partial<Record<string, string>>;
  bodyLine: Partial<Record<string, number>>;
  notesLine: Partial<Record<string, number>>;
  /** Every section's first line, for the check of its language. */
  sections: { lang: string; notes: boolean; line: number }[];
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
  const sections: ParsedChapterFile['sections'] = [];
  const lines = text.slice(m[0].length).split(/\r?\n/);
  const firstLine = m[0].split('\n').length;
  let target: { kind: 'body' | 'notes'; lang: string } | undefined;
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
      const lang = s[2]!;
      sections.push({ lang, notes: !!s[1], line: firstLine + i });
      target = { kind: s[1] ? 'notes' : 'body', lang };
      (s[1] ? notesLine : bodyLine)[lang] ??= firstLine + i;
      return;
    }
    if (target) buf.push(line);
    else if (line.trim())
      ctx.problems.add({
        file: path,
        line: firstLine + i,
        message: `text outside a section (${sectionNames(ctx)}) would be lost`,
      });
  });
  flush();
  return { front, body, notes, bodyLine, notesLine, sections };
}

/** The story's sections as an author writes them: `"::: en" or "::: zh"`. */
function sectionNames(ctx: StoryContext): string {
  const langs = ctx.languages ?? ['en'];
  return langs.map((l) => `"::: ${l}"`).join(langs.length > 2 ? ', ' : ' or ');
}
