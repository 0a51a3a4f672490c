// The engine's test story (tests/fixtures/grand-canal) and the two helpers the tests of its
// validation share: a copy of it with one file edited, and the problems its compilation reports.
import { compileStory, StoryError } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';

export const TEST_STORY_DIR = 'tests/fixtures/grand-canal';
/** The test story's files by name, as read from its folder. */
export const testStory = readStoryFolder(TEST_STORY_DIR);

/** The test story with the file `name` changed by `edit` (which must change it). */
export function withFile(name: string, edit: (text: string) => string): Map<string, string> {
  const files = new Map(testStory);
  const text = files.get(name);
  if (text === undefined) throw new Error(`no ${name}`);
  const changed = edit(text);
  if (changed === text) throw new Error(`the edit did not change ${name}`);
  files.set(name, changed);
  return files;
}

/** Every problem line the compiler reports, in order; fails if the story compiles. */
export function problems(files: Map<string, string>, dir = TEST_STORY_DIR): string[] {
  try {
    compileStory(files, { dir });
  } catch (e) {
    if (e instanceof StoryError) return e.message.split('\n').slice(1);
    throw e;
  }
  throw new Error('the story compiled, but it should not have');
}
