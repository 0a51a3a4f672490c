// npm run new-story -- <id> [--dir <folder>] — writes a minimal valid story to start from: one
// source, one place, two chapters and the credits chapter, each file naming its JSON Schema for
// editors. The folder is src/stories/<id> unless --dir says otherwise; an existing folder is never
// overwritten. The new story is checked as the build checks it before this reports success.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { validateStory } from './build-steps.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dirIndex = args.indexOf('--dir');
const dirArg = dirIndex >= 0 ? args[dirIndex + 1] : undefined;
const id = args.filter((a, i) => !a.startsWith('--') && (dirIndex < 0 || i !== dirIndex + 1))[0];

const fail = (message) => {
  console.error(`new-story: ${message}`);
  process.exit(1);
};
if (!id) fail('name the story: npm run new-story -- <id>   (for example: npm run new-story -- silk-road)');
if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
  fail(
    `the id "${id}" must be lower-case letters, digits and hyphens (it is used in links and storage keys)`,
  );
const dir = resolve(root, dirArg ?? join('src/stories', id));
if (existsSync(dir)) fail(`${dir} already exists; choose another id or --dir`);

/** The relative path from a file in the story to a schema, for the yaml-language-server comment. */
const schema = (fileDir, name) =>
  relative(fileDir, join(root, 'docs/schema', `${name}.schema.json`))
    .split('\\')
    .join('/');
const header = (fileDir, name) => `# yaml-language-server: $schema=${schema(fileDir, name)}`;

// Pictures are optional; the example stays a comment until the author has a picture and its licence.
const MEDIA_EXAMPLE = `# Pictures and videos (see docs/story-format.md, "Pictures and videos"): put the file in
# the story folder, say what it shows in both languages, and name the source that credits it.
# media:
#   - file: media/bell-tower.jpg
#     alt: { en: What the picture shows, zh: 图片的内容 }
#     caption: { en: A line under the picture, zh: 图片下方的说明 }
#     source: my-source
#     place: xian`;

const files = {
  'story.yaml': `${header(dir, 'story')}
# The story: its id, title, the sources every chapter cites, and its settings (kiosk dwell).
# The whole format: docs/story-format.md.
id: ${id}
title:
  en: The title of the story
  zh: 故事的标题
subtitle:
  en: One sentence that says what the story is about
  zh: 用一句话说明这个故事讲什么
byline:
  en: What the story is based on, in a sentence.
  zh: 用一句话说明故事依据的资料。
dwell: 12
sources:
  my-source:
    title:
      en: The source of the story (replace with its real title)
      zh: 故事的资料来源（请换成实际标题）
    publisher: Who published it
    note:
      en: What this source supplies in the story.
      zh: 这一来源为故事提供了什么。
  natural-earth:
    title:
      en: Natural Earth 1:10m populated places (v4.0.0)
      zh: Natural Earth 1:1000 万居民点（4.0.0 版）
    publisher: Natural Earth
    licence: Public domain
    url: https://www.naturalearthdata.com/
`,
  'places.geojson': `${JSON.stringify(
    {
      $schema: schema(dir, 'places'),
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [108.94, 34.26] },
          properties: {
            id: 'xian',
            name_en: "Xi'an",
            name_zh: '西安',
            province: 'CN-SN',
            source: 'Natural Earth 10m populated places v4.0.0 (public domain)',
            accuracy: 'City point; about 2 km',
          },
        },
      ],
    },
    null,
    2,
  )}\n`,
  'chapters/01-start.md': chapter({
    id: 'start',
    title: ['Where the story begins', '故事的开始'],
    description: [
      "A map of China with Xi'an marked in the centre of the country.",
      '中国地图，国家中部标出西安。',
    ],
    camera: '{ center: [108.9, 34.3], zoom: 4, pitch: 0, bearing: 0 }',
    media: true,
    text: [
      "The first chapter's text, in **Markdown**. The map shows what the front matter above says.",
      '第一章的正文，使用 **Markdown**。地图显示上面前言部分所写的内容。',
    ],
  }),
  'chapters/02-closer.md': chapter({
    id: 'closer',
    title: ['A closer look', '走近一点'],
    description: ["A closer map of Xi'an and the land around it.", '西安及其周边地区的近景地图。'],
    camera: '{ center: [108.94, 34.26], zoom: 6, pitch: 0, bearing: 0 }',
    text: [
      'Each chapter is one file in `chapters/`; they play in file-name order.',
      '每一章是 `chapters/` 中的一个文件，按文件名顺序播放。',
    ],
  }),
  'chapters/03-credits.md': chapter({
    id: 'credits',
    title: ['Sources', '资料来源'],
    description: ["A map of China with Xi'an marked.", '中国地图，标出西安。'],
    camera: '{ center: [105, 34], zoom: 3, pitch: 0, bearing: 0 }',
    credits: true,
    text: [
      'The credits chapter lists every source the story uses, and the basemap.',
      '资料来源一章列出故事使用的所有来源和底图。',
    ],
  }),
};

function chapter(c) {
  return `---
${header(join(dir, 'chapters'), 'chapter')}
id: ${c.id}
title: { en: ${c.title[0]}, zh: ${c.title[1]} }
description:
  en: ${JSON.stringify(c.description[0])}
  zh: ${c.description[1]}
camera: ${c.camera}
places: [xian]
sources: [my-source, natural-earth]${c.credits ? '\ncredits: true' : ''}${c.media ? `\n${MEDIA_EXAMPLE}` : ''}
---

::: en
${c.text[0]}

::: zh
${c.text[1]}
`;
}

mkdirSync(join(dir, 'chapters'), { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

const rel = dir.startsWith(root + sep) ? relative(root, dir) : dir;
const problems = await validateStory(dir);
if (problems) fail(`the new story does not pass its own checks (a bug in new-story):\n${problems}`);
console.log(`Wrote a new story to ${rel}/ (docs/story-format.md describes every file and field).

  STORY_DIR=${rel} npm run dev     edit it and see it live
  STORY_DIR=${rel} npm run build   check it and build it into dist/
  npm run preview                  serve dist/ at http://localhost:4173`);
