// npm run new-story -- <id> [--languages en,zh] [--dir <folder>] — writes a minimal valid story to
// start from: one source, one place, two chapters and the credits chapter, in the languages given
// (the first the default; English alone when none are given), each file naming its JSON Schema for
// editors. The folder is src/stories/<id> unless --dir says otherwise; an existing folder is never
// overwritten. The new story is checked as the build checks it before this reports success.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { runnerImport } from 'vite';
import { validateStory } from './build-steps.mjs';
import { ID_RULE, isId } from '../src/build/story/id.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? { at: i, value: args[i + 1] } : undefined;
};
const dirOption = option('--dir');
const langOption = option('--languages');
const optionValues = new Set(
  [dirOption?.at, langOption?.at].filter((i) => i !== undefined).map((i) => i + 1),
);
const id = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i))[0];

const fail = (message) => {
  console.error(`new-story: ${message}`);
  process.exit(1);
};
if (!id) fail('name the story: npm run new-story -- <id>   (for example: npm run new-story -- silk-road)');
if (!isId(id)) fail(`the id "${id}" must be ${ID_RULE} (it is used in links and storage keys)`);
const { LANGS } = (
  await runnerImport(join(root, 'src/lib/i18n/languages.ts'), { configFile: false, logLevel: 'error' })
).module;
const languages = (langOption ? (langOption.value ?? '') : 'en').split(',').map((l) => l.trim());
for (const l of languages)
  if (!LANGS.includes(l))
    fail(
      `"${l}" is not a language the interface speaks: --languages takes a list such as en or en,zh, ` +
        `the default first, of ${LANGS.join(', ')}`,
    );
if (new Set(languages).size !== languages.length) fail(`--languages names a language twice: ${languages}`);
const dir = resolve(root, dirOption?.value ?? join('src/stories', id));
if (existsSync(dir)) fail(`${dir} already exists; choose another id or --dir`);

/** The relative path from a file in the story to a schema, for the yaml-language-server comment. */
const schema = (fileDir, name) =>
  relative(fileDir, join(root, 'docs/schema', `${name}.schema.json`))
    .split('\\')
    .join('/');
const header = (fileDir, name) => `# yaml-language-server: $schema=${schema(fileDir, name)}`;

/** The placeholder texts, in each language the interface speaks (a test checks that all are here). */
const TEXT = {
  title: {
    en: 'The title of the story',
    zh: '故事的标题',
    fr: 'Le titre du récit',
    es: 'El título de la historia',
  },
  subtitle: {
    en: 'One sentence that says what the story is about',
    zh: '用一句话说明这个故事讲什么',
    fr: 'Une phrase qui dit de quoi parle le récit',
    es: 'Una frase que dice de qué trata la historia',
  },
  byline: {
    en: 'What the story is based on, in a sentence.',
    zh: '用一句话说明故事依据的资料。',
    fr: 'Ce sur quoi repose le récit, en une phrase.',
    es: 'En qué se basa la historia, en una frase.',
  },
  sourceTitle: {
    en: 'The source of the story (replace with its real title)',
    zh: '故事的资料来源（请换成实际标题）',
    fr: 'La source du récit (remplacez-la par son vrai titre)',
    es: 'La fuente de la historia (sustitúyela por su título real)',
  },
  sourceNote: {
    en: 'What this source supplies in the story.',
    zh: '这一来源为故事提供了什么。',
    fr: 'Ce que cette source apporte au récit.',
    es: 'Lo que esta fuente aporta a la historia.',
  },
  naturalEarth: {
    en: 'Natural Earth 1:10m populated places (v4.0.0)',
    zh: 'Natural Earth 1:1000 万居民点（4.0.0 版）',
    fr: 'Natural Earth\u202f: localités au 1/10\u202f000\u202f000 (v4.0.0)',
    es: 'Natural Earth: localidades a escala 1:10 000 000 (v4.0.0)',
  },
  xian: { en: "Xi'an", zh: '西安', fr: 'Xi’an', es: 'Xi’an' },
};

/** A text in the story's languages, as YAML at `indent`: one plain line in a one-language story. */
function yamlText(key, texts, indent = '') {
  const value = (t) => (/^[\p{L}\p{N} ,.()’'-]+$/u.test(t) && !/^[\d'-]/.test(t) ? t : JSON.stringify(t));
  if (languages.length === 1) return `${indent}${key}: ${value(texts[languages[0]])}`;
  return [`${indent}${key}:`, ...languages.map((l) => `${indent}  ${l}: ${value(texts[l])}`)].join('\n');
}

/** Pictures are optional; the example stays a comment until the author has a picture and its licence. */
function mediaExample() {
  const text = (t) =>
    languages.length === 1 ? t[languages[0]] : `{ ${languages.map((l) => `${l}: ${t[l]}`).join(', ')} }`;
  return `# Pictures and videos (see docs/story-format.md, "Pictures and videos"): put the file in
# the story folder, say what it shows in ${languages.length === 1 ? "the story's language" : "each of the story's languages"}, and name the source that credits it.
# media:
#   - file: media/bell-tower.jpg
#     alt: ${text({ en: 'What the picture shows', zh: '图片的内容', fr: 'Ce que montre l’image', es: 'Lo que muestra la imagen' })}
#     caption: ${text({ en: 'A line under the picture', zh: '图片下方的说明', fr: 'Une ligne sous l’image', es: 'Una línea bajo la imagen' })}
#     source: my-source
#     place: xian`;
}

const files = {
  'story.yaml': `${header(dir, 'story')}
# The story: its id, the languages it is told in (the first is the default), its title, the sources
# every chapter cites, and its settings (kiosk dwell). The whole format: docs/story-format.md.
id: ${id}
languages: [${languages.join(', ')}]
${yamlText('title', TEXT.title)}
${yamlText('subtitle', TEXT.subtitle)}
${yamlText('byline', TEXT.byline)}
dwell: 12
sources:
  my-source:
${yamlText('title', TEXT.sourceTitle, '    ')}
    publisher: Who published it
${yamlText('note', TEXT.sourceNote, '    ')}
  natural-earth:
${yamlText('title', TEXT.naturalEarth, '    ')}
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
            ...Object.fromEntries(languages.map((l) => [`name_${l}`, TEXT.xian[l]])),
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
    title: {
      en: 'Where the story begins',
      zh: '故事的开始',
      fr: 'Là où commence le récit',
      es: 'Donde empieza la historia',
    },
    description: {
      en: "A map of China with Xi'an marked in the centre of the country.",
      zh: '中国地图，国家中部标出西安。',
      fr: 'Carte de la Chine avec Xi’an, au centre du pays.',
      es: 'Mapa de China con Xi’an señalada en el centro del país.',
    },
    camera: '{ center: [108.9, 34.3], zoom: 4, pitch: 0, bearing: 0 }',
    media: true,
    text: {
      en: "The first chapter's text, in **Markdown**. The map shows what the front matter above says.",
      zh: '第一章的正文，使用 **Markdown**。地图显示上面前言部分所写的内容。',
      fr: 'Le texte du premier chapitre, en **Markdown**. La carte montre ce que dit l’en-tête ci-dessus.',
      es: 'El texto del primer capítulo, en **Markdown**. El mapa muestra lo que dice el encabezado de arriba.',
    },
  }),
  'chapters/02-closer.md': chapter({
    id: 'closer',
    title: { en: 'A closer look', zh: '走近一点', fr: 'De plus près', es: 'Más de cerca' },
    description: {
      en: "A closer map of Xi'an and the land around it.",
      zh: '西安及其周边地区的近景地图。',
      fr: 'Une carte plus proche de Xi’an et de ses environs.',
      es: 'Un mapa más cercano de Xi’an y sus alrededores.',
    },
    camera: '{ center: [108.94, 34.26], zoom: 6, pitch: 0, bearing: 0 }',
    text: {
      en: 'Each chapter is one file in `chapters/`; they play in file-name order.',
      zh: '每一章是 `chapters/` 中的一个文件，按文件名顺序播放。',
      fr: 'Chaque chapitre est un fichier de `chapters/`\u202f; ils se suivent dans l’ordre des noms de fichier.',
      es: 'Cada capítulo es un archivo de `chapters/`; se muestran en el orden de los nombres de archivo.',
    },
  }),
  'chapters/03-credits.md': chapter({
    id: 'credits',
    title: { en: 'Sources', zh: '资料来源', fr: 'Sources', es: 'Fuentes' },
    description: {
      en: "A map of China with Xi'an marked.",
      zh: '中国地图，标出西安。',
      fr: 'Carte de la Chine avec Xi’an.',
      es: 'Mapa de China con Xi’an señalada.',
    },
    camera: '{ center: [105, 34], zoom: 3, pitch: 0, bearing: 0 }',
    credits: true,
    text: {
      en: 'The credits chapter lists every source the story uses, and the basemap.',
      zh: '资料来源一章列出故事使用的所有来源和底图。',
      fr: 'Le chapitre des sources cite toutes les sources du récit, et le fond de carte.',
      es: 'El capítulo de fuentes recoge todas las fuentes de la historia y el mapa base.',
    },
  }),
};

function chapter(c) {
  return `---
${header(join(dir, 'chapters'), 'chapter')}
id: ${c.id}
${yamlText('title', c.title)}
${yamlText('description', c.description)}
camera: ${c.camera}
places: [xian]
sources: [my-source, natural-earth]${c.credits ? '\ncredits: true' : ''}${c.media ? `\n${mediaExample()}` : ''}
---
${languages.map((l) => `\n::: ${l}\n${c.text[l]}\n`).join('')}`;
}

mkdirSync(join(dir, 'chapters'), { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

const rel = dir.startsWith(root + sep) ? relative(root, dir) : dir;
const problems = await validateStory(dir);
if (problems) fail(`the new story does not pass its own checks (a bug in new-story):\n${problems}`);
console.log(`Wrote a new story to ${rel}/, in ${languages.join(', ')} (docs/story-format.md describes every file and field).

  STORY_DIR=${rel} npm run dev     edit it and see it live
  STORY_DIR=${rel} npm run build   check it and build it into dist/
  npm run preview                  serve dist/ at http://localhost:4173`);
