// What the compiler reports: each problem with its file, line, chapter and field, all at once, so
// that one build shows everything to fix. SourceFile knows on which line a field of a YAML (or
// JSON) file stands.
import { parseDocument, LineCounter, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';

export interface StoryProblem {
  file: string;
  line: number;
  chapter?: string;
  field?: string;
  message: string;
}

export class StoryError extends Error {
  constructor(readonly problems: StoryProblem[]) {
    super(
      `The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'StoryError';
  }
}

export function formatProblem(p: StoryProblem): string {
  const where = [p.chapter ? `chapter "${p.chapter}"` : '', p.field ? `field "${p.field}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${p.file}:${p.line}: ${where ? where + ': ' : ''}${p.message}`;
}

/** Parser errors that come from a line indented wrongly, or with a tab. */
const LAYOUT_ERRORS = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'TAB_AS_INDENT',
]);
const LAYOUT_HINT =
  'check the indentation of this line and the next: the fields of one item line up, with spaces, not tabs';

/** A parsed YAML (or JSON) file that can say on which line a field stands. */
export class SourceFile {
  readonly doc: Document;
  private readonly lines = new LineCounter();
  constructor(
    readonly path: string,
    text: string,
    /** Lines before `text` starts in the real file (front matter sits after a `---` line). */
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
  }
  lineAt(offset: number): number {
    return this.lines.linePos(offset).line + this.lineOffset;
  }
  /**
   * Why the file cannot be read, one problem per line: the parser's first words (the line is given
   * apart), and for a misplaced line, what to look at.
   */
  readErrors(): { line: number; message: string }[] {
    const out = new Map<number, string>();
    for (const err of this.doc.errors) {
      const line = this.lineAt(err.pos[0]);
      if (out.has(line)) continue;
      const first = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      out.set(line, LAYOUT_ERRORS.has(err.code) ? `${first} (${LAYOUT_HINT})` : first);
    }
    return [...out].map(([line, message]) => ({ line, message }));
  }
  /** The line of the deepest node along `path` that exists (the key itself for a field). */
  lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = this.doc.contents;
    let line = node && (node as Node).range ? this.lineAt((node as Node).range![0]) : 1 + this.lineOffset;
    for (const key of path) {
      if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = this.lineAt(pair.key.range[0]);
        node = pair.value;
      } else {
        const item = (node as { items: unknown[] }).items[Number(key)];
        if (!item) break;
        const range = (item as Node).range;
        if (range) line = this.lineAt(range[0]);
        node = item;
      }
    }
    return line;
  }
  /** `file:line` of a field, for messages that point elsewhere. */
  at(path: readonly PropertyKey[]): string {
    return `${this.path}:${this.lineOf(path)}`;
  }
  data(): unknown {
    return this.doc.toJS();
  }
}

/** The problems found so far, in the order they were found. */
export class Problems {
  readonly list: StoryProblem[] = [];

  add(p: StoryProblem): void {
    this.list.push(p);
  }

  /** A problem at a field of a file. */
  at(
    file: SourceFile,
    path: readonly PropertyKey[],
    message: string,
    chapter?: string,
    field?: string,
  ): void {
    const name = field ?? fieldName(path);
    this.add({
      file: file.path,
      line: file.lineOf(path),
      ...(chapter ? { chapter } : {}),
      ...(name ? { field: name } : {}),
      message,
    });
  }

  /** Each zod issue as a problem at its field; `prefix` is where the checked value sits in the file. */
  zod(file: SourceFile, error: z.ZodError, opts: { chapter?: string; prefix?: PropertyKey[] } = {}): void {
    for (const issue of error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const path = [...(opts.prefix ?? []), ...issue.path, ...(key === undefined ? [] : [key])];
        const message =
          issue.code === 'unrecognized_keys' && !issue.message.startsWith('unknown language')
            ? `unknown field "${String(key)}"`
            : issue.code === 'invalid_type' && issue.message.includes('received undefined')
              ? 'is required'
              : issue.code === 'invalid_type' &&
                  issue.expected === 'number' &&
                  issue.message.includes('received string')
                ? 'must be a number, written without quotes'
                : issue.message;
        this.at(file, path, message, opts.chapter);
      }
    }
  }
}

/**
 * A field as the messages write it: `features[2].properties.name_zh`, `grand-canal.via[2]` (list
 * positions are numbers in a path; an id of digits, `2010`, stays a key).
 */
function fieldName(path: readonly PropertyKey[]): string | undefined {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') ||
    undefined
  );
}
