// The story format's reference and the editors' JSON Schemas are generated from the schema the
// compiler checks with; this fails when they are stale (run `npm run story-docs`), and checks that
// the story files name the right schema for editors.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOCS_FILE, SCHEMA_DIR, STORY_FILE_SCHEMAS, storyFormatFiles } from '../../src/build/story/docs';
import { readStoryFolder } from '../../src/build/story/load';

describe('the story format reference', () => {
  const generated = storyFormatFiles();

  test.each([...generated.keys()])('%s is up to date (npm run story-docs)', (path) => {
    expect(existsSync(path), `${path} is missing: run npm run story-docs`).toBe(true);
    expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run story-docs`).toBe(generated.get(path));
  });

  test('documents every field of every file, and the fields authors found only from errors', () => {
    const doc = generated.get(DOCS_FILE)!;
    for (const f of STORY_FILE_SCHEMAS) expect(doc).toContain(`## ${f.file}`);
    for (const field of [
      '`id`',
      '`note`',
      '`publisher`',
      '`<id>.name`',
      '`<id>.source`',
      '`<id>.schematic`',
      '`<id>.values[].label`',
      '`credits`',
      '`camera.zoom`',
    ])
      expect(doc).toContain(`| ${field} |`);
    expect(doc).toMatch(/\| `<id>\.schematic` \| `true` or `false` \| required \|/);
    expect(doc).toMatch(/\| `note` \| text in the story's languages `\{ en: "…", zh: "…" \}` \| optional \|/);
    // The languages rule: the field, and what the editors' schemas can and cannot check of it.
    expect(doc).toMatch(
      /\| `languages` \| list of language tags \(`en`, `zh`, `fr`, `es`\), at least 1 \| required \|/,
    );
    expect(doc).toContain('`name_<language>`');
    expect(doc).toContain("they let any of the interface's languages through");
  });

  test.each(['tests/fixtures/grand-canal', 'tests/fixtures/rhine', 'src/stories/liangjiang'])(
    'the YAML files of %s name their JSON Schema for editors',
    (dir) => {
      const files = readStoryFolder(dir);
      for (const [name, text] of files) {
        if (!/\.yaml$/.test(name) && !(dir.startsWith('tests') && /^chapters\//.test(name))) continue;
        const kind = name.startsWith('chapters/') ? 'chapter' : name.replace(/\.yaml$/, '');
        const m = /# yaml-language-server: \$schema=(\S+)/.exec(text);
        expect(m, `${dir}/${name} names no schema`).not.toBeNull();
        expect(m![1]!.endsWith(`/${SCHEMA_DIR}/${kind}.schema.json`), name).toBe(true);
        expect(existsSync(resolve(dirname(join(dir, name)), m![1]!)), `${m![1]} from ${name}`).toBe(true);
      }
    },
  );
});
