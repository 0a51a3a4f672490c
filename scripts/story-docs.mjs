// npm run story-docs — writes docs/story-format.md and docs/schema/*.schema.json from the story
// schemas (src/build/story/*.schema.ts). tests/unit/story-docs.test.ts fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');
const { storyFormatFiles } = (
  await runnerImport(join(root, 'src/build/story/docs.ts'), { configFile: false, logLevel: 'error' })
).module;
for (const [path, text] of storyFormatFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  console.log(`wrote ${path}`);
}
