// What every part of the compiler shares: the story's files, the problems found so far, and the
// catalogues of ids (sources, places, overlays, figures) that the other files refer to.
import { ID, ID_RULE } from './id.js';
import type { StoryLanguages } from './languages.ts';
import { Problems, SourceFile, type StoryProblem } from './problems.ts';

const ID_MESSAGE = `must be ${ID_RULE} (it is used in links)`;

export type Files = ReadonlyMap<string, string>;

export class StoryContext {
  readonly problems = new Problems();
  /**
   * The story's languages (story.yaml `languages`), which every text is checked against; undefined
   * until story.yaml is read, or when its list is wrong (then reported there, once).
   */
  languages: StoryLanguages;
  constructor(
    readonly files: Files,
    /** Folder of the story relative to the project root, used in messages only. */
    readonly dir: string,
  ) {}

  /** The path of a story file as messages show it. */
  rel(name: string): string {
    return `${this.dir}/${name}`;
  }

  /**
   * A story file parsed as YAML (JSON is YAML). Undefined when it cannot be used: missing (a
   * problem unless optional) or unreadable (a problem at the line where reading failed).
   */
  read(name: string, optional = false): SourceFile | undefined {
    const text = this.files.get(name);
    if (text === undefined) {
      if (!optional) this.problems.add({ file: this.rel(name), line: 1, message: 'file is missing' });
      return undefined;
    }
    const file = new SourceFile(this.rel(name), text);
    for (const { line, message } of file.readErrors())
      this.problems.add({ file: file.path, line, message: `cannot be read: ${message}` });
    return file.doc.errors.length ? undefined : file;
  }

  /** Whether an id written as a key is well formed; a problem at the key when it is not. */
  validKey(file: SourceFile, path: readonly PropertyKey[], key: string, what: string): boolean {
    if (ID.test(key)) return true;
    this.problems.at(file, [...path, key], `${what} id "${key}" ${ID_MESSAGE}`);
    return false;
  }

  /** Runs `check`; returns `file:line` of the first problem it reported, if any. */
  firstProblem(check: () => void): string | undefined {
    const before = this.problems.list.length;
    check();
    const first: StoryProblem | undefined = this.problems.list[before];
    return first && `${first.file}:${first.line}`;
  }
}

/**
 * The items of one story file, by id. An item that is there but broken is reported once, where it
 * is; a reference to it then says where to look instead of claiming it does not exist.
 */
export class Catalogue<T> {
  readonly items = new Map<string, T>();
  /** Items that exist but are broken: id → `file:line` of their first problem. */
  readonly invalid = new Map<string, string>();
  /** False when the whole file could not be read: references to it are not checked (no knock-on). */
  checkable = true;

  constructor(
    /** What an item is called in messages: "place", "layer", "figure", "source". */
    readonly what: string,
    /** The message for an id that is nowhere in the file. */
    private readonly unknown: (id: string) => string,
  ) {}

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  /** Why a reference to `id` fails, or undefined when it is fine (or cannot be checked). */
  problemWith(id: string): string | undefined {
    if (this.items.has(id) || !this.checkable) return undefined;
    const bad = this.invalid.get(id);
    return bad ? `${this.what} "${id}" is invalid (see ${bad})` : this.unknown(id);
  }
}
