// Vite plugin: the fonts follow the current story. At build start it plans the characters the
// story and the app use (text.ts) and
//  - when the committed parts in static/fonts/ have them all, uses those: no cut, no source fonts
//    needed, nothing written;
//  - else cuts new parts from the Noto sources (cut.ts, cached by content). For the story the
//    committed parts belong to (fonts.json `story`), they replace static/fonts/ — commit them;
//    for any other story they go into the build only (dist/fonts/), so building a second
//    story never changes the repository.
// It serves `virtual:fonts` (the parts the map's labels use, for the style's `font-faces`) and
// `virtual:fonts.css` (the page's @font-face rules), both made from the one manifest in effect.
import { copyFileSync, createReadStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { isLang } from '../../lib/story/types.ts';
import { fontsPath, GROUPS, type Group } from './config.ts';
import { fontFaceCss } from './css.ts';
import {
  FontError,
  cutFonts,
  missingFrom,
  partsFor,
  readManifest,
  readSources,
  writeManifest,
  type FontManifest,
  type SourceDirs,
} from './cut.ts';
import { basemapLabels, labelLanguage, loadStory, STRINGS } from './story.ts';
import {
  appTextUsage,
  describe,
  planFonts,
  storyUsage,
  stringsText,
  textUsage,
  type FontPlan,
} from './text.ts';

const LIST = 'virtual:fonts';
const CSS = 'virtual:fonts.css';
const resolved = (id: string) => '\0' + id;

export interface StoryFontsOptions {
  /** the story folder */
  storyDir: string;
  /** the committed parts (default `<publicDir>/fonts`) */
  committedDir?: string;
  /** cut parts for other stories (default node_modules/.cache/story-fonts) */
  cacheDir?: string;
  /** where the Noto sources are (default NOTO_DIR and NOTO_CJK_DIR, or Debian's folders) */
  sourceDirs?: SourceDirs;
}

export interface FontsInEffect {
  dir: string;
  manifest: FontManifest;
  /** the parts are those in the committed folder */
  committed: boolean;
}

/**
 * The characters an app page shows for a story, planned: the story, and in each of its languages
 * the interface strings and the basemap's labels; the app's own code. Each language's page (the
 * text it shows, its switch naming the story's other languages) decides the `ui` part and the
 * Chinese punctuation.
 */
export function planStoryFonts(storyDir: string, root: string): { plan: FontPlan; story: string } {
  const { story, texts } = loadStory(storyDir, root);
  const rel = relative(root, storyDir).split('\\').join('/') || '.';
  // The story's files (chapters in play order), for where a character is.
  const files = new Map([...texts].map(([name, text]) => [`${rel}/${name}`, text]));
  const langs = story.languages;
  const labels = basemapLabels(root);
  const pages = langs.map((lang) => ({
    lang,
    text: [
      ...stringsText(STRINGS[lang]),
      JSON.stringify(story, (k, v: unknown) => (isLang(k) && k !== lang ? undefined : v)),
      ...langs.filter((o) => o !== lang).flatMap((o) => [STRINGS[o].languageName, STRINGS[o].switchToLabel]),
      ...labels[labelLanguage(lang)],
    ].join('\n'),
  }));
  const usages = [
    storyUsage(story, rel, files),
    ...langs.map((l) => textUsage(stringsText(STRINGS[l]), `src/lib/i18n/${l}.ts`)),
    ...[...new Set(langs.map(labelLanguage))].map((l) =>
      textUsage(labels[l], `the basemap's labels (geo/data/cities.tsv, geo/lib/names.mjs: ${l})`),
    ),
    appTextUsage(root),
  ];
  return { plan: planFonts(usages, pages), story: rel };
}

/** The family each part is in (config.ts). */
const familyOf = (group: Group) => GROUPS.find((g) => g.group === group)!.family;

export interface ChooseOptions {
  plan: FontPlan;
  /** the story folder, relative to the repository root */
  story: string;
  committedDir: string;
  cacheDir: string;
  sourceDirs?: SourceDirs;
  /** false: never cut, use the committed parts as they are (unit tests) */
  cut?: boolean;
  log?: (line: string) => void;
}

/** The characters of `plan` that the committed parts (if any) do not have. */
function lackingFrom(committed: FontManifest | null, plan: FontPlan): number[] {
  return committed ? missingFrom(committed, plan) : [...plan.used.keys()];
}

/**
 * Before anything is built: whether the story's fonts can be made. Nothing is cut or written; a
 * FontError says what stops it (a character no font has, or the font sources not installed while
 * the committed parts lack characters).
 */
export async function checkStoryFonts(
  storyDir: string,
  root: string,
  opts: { committedDir?: string; harfbuzz?: typeof import('harfbuzzjs'); sourceDirs?: SourceDirs } = {},
) {
  const { plan } = planStoryFonts(storyDir, root);
  const committed = readManifest(opts.committedDir ?? join(root, 'static', 'fonts'));
  const lacking = lackingFrom(committed, plan);
  if (lacking.length)
    await readSources(plan, {
      lacking,
      ...(opts.harfbuzz ? { harfbuzz: opts.harfbuzz } : {}),
      ...(opts.sourceDirs ? { sourceDirs: opts.sourceDirs } : {}),
    });
}

/** Which parts serve `plan`, cutting them if needed (see the header). */
export async function chooseFonts(opts: ChooseOptions): Promise<FontsInEffect> {
  const { plan, story, committedDir, log = console.log } = opts;
  let committed = readManifest(committedDir);
  // The CSS family names are not inside the font files: a new name (config.ts) needs no cut, only
  // the manifest written again.
  if (committed?.files.some((f) => f.family !== familyOf(f.group))) {
    committed = { ...committed, files: committed.files.map((f) => ({ ...f, family: familyOf(f.group) })) };
    if (committed.story === story) writeManifest(committedDir, committed);
  }
  const lacking = lackingFrom(committed, plan);
  if (committed && (!lacking.length || opts.cut === false))
    return {
      dir: committedDir,
      manifest: committed.story === story ? committed : partsFor(committed, plan),
      committed: true,
    };
  const cut = await cutFonts({
    plan,
    story,
    cacheDir: opts.cacheDir,
    lacking,
    log,
    ...(opts.sourceDirs ? { sourceDirs: opts.sourceDirs } : {}),
  });
  if (committed && committed.story !== story) {
    log(`fonts: ${lacking.length} characters new to static/fonts/ for ${story}, cut into this build only`);
    return { ...cut, committed: false };
  }
  mkdirSync(committedDir, { recursive: true });
  // The parts of the plan before go: one the new plan has not (a script no longer used) would stay.
  const keep = new Set(cut.manifest.files.map((f) => f.file));
  for (const name of readdirSync(committedDir))
    if (name.endsWith('.woff2') && !keep.has(name)) rmSync(join(committedDir, name));
  for (const f of cut.manifest.files) copyFileSync(join(cut.dir, f.file), join(committedDir, f.file));
  const manifest = { ...cut.manifest, story };
  writeManifest(committedDir, manifest);
  const news = lacking.slice(0, 20).map(describe).join(', ') + (lacking.length > 20 ? ', …' : '');
  log(`fonts: static/fonts/ cut again for ${story} (${lacking.length} new: ${news}); commit static/fonts/`);
  return { dir: committedDir, manifest, committed: true };
}

/**
 * The parts the map draws its labels with (the style's `font-faces`): the regular weight's, but the
 * `ui` part (a page's own few characters), each with the range the map uses, in the order MapLibre
 * reads them — the first part whose range covers a character is used, where CSS uses the last
 * declared, so the reverse of the page's order. The page's own list is its CSS (`virtual:fonts.css`).
 */
export function mapFontFaces(manifest: FontManifest, base = '/'): { url: string; range: string }[] {
  return manifest.files
    .filter((f) => f.cssWeight === 400 && f.group !== 'ui')
    .map((f) => ({ url: `${fontsPath(base)}${f.file}`, range: f.mapRange ?? f.range }))
    .reverse();
}

export function storyFontsPlugin(options: StoryFontsOptions): Plugin {
  let config: ResolvedConfig;
  let current: Promise<FontsInEffect> | null = null;
  const fonts = () => {
    const root = config.root;
    current ??= chooseFonts({
      ...planStoryFonts(resolve(root, options.storyDir), root),
      committedDir: options.committedDir ?? join(config.publicDir || join(root, 'static'), 'fonts'),
      cacheDir: options.cacheDir ?? join(root, 'node_modules', '.cache', 'story-fonts'),
      // Unit tests read the committed parts; the build and the dev server cut what is missing.
      cut: !process.env.VITEST,
      ...(options.sourceDirs ? { sourceDirs: options.sourceDirs } : {}),
    }).catch((e: unknown) => {
      current = null;
      throw e instanceof FontError ? new Error(`fonts: ${e.message}`) : e;
    });
    return current;
  };
  return {
    name: 'story-fonts',
    // The page's CSS names the parts by their address on the site (under its base path), which the
    // build serves from the public folder or copies in itself (writeBundle): Vite is told they are
    // resolved at run time, so that it does not look for them at build time and warn.
    config(user) {
      const parts = fontsPath(user.base ?? '/');
      const external = (id: string) => id.startsWith(parts) && id.endsWith('.woff2');
      return { build: { rolldownOptions: { external } } };
    },
    configResolved(c) {
      config = c;
    },
    async buildStart() {
      if (config.command === 'build') await fonts();
    },
    resolveId(id) {
      return id === LIST || id === CSS ? resolved(id) : undefined;
    },
    async load(id) {
      if (id === resolved(LIST)) {
        const { manifest } = await fonts();
        return `export default ${JSON.stringify(mapFontFaces(manifest, config.base))};`;
      }
      if (id === resolved(CSS)) return fontFaceCss((await fonts()).manifest.files, fontsPath(config.base));
      return undefined;
    },
    // Parts cut for this build only are served from the cache in dev and copied into the build.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        const m = url.startsWith(fontsPath(config.base))
          ? /^([^/?#]+)/.exec(url.slice(fontsPath(config.base).length))
          : null;
        if (!m) return next();
        fonts().then(({ dir, committed, manifest }) => {
          const file = decodeURIComponent(m[1]!);
          if (committed || !manifest.files.some((f) => f.file === file)) return next();
          res.setHeader('Content-Type', 'font/woff2');
          createReadStream(join(dir, file)).pipe(res);
        }, next);
      });
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(resolve(config.root, options.storyDir))) return;
      current = null;
      for (const id of [LIST, CSS]) {
        const mod = ctx.server.moduleGraph.getModuleById(resolved(id));
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
    },
    // The build's fonts/ holds the parts in effect and their manifest: the public folder's copy
    // brought every committed part, and a part the story does not use goes (the service worker
    // would keep it offline for every reader); parts cut for this build only are copied in.
    async writeBundle(out) {
      if (config.build.ssr) return;
      const { dir, committed, manifest } = await fonts();
      const to = join(out.dir ?? config.build.outDir, 'fonts');
      mkdirSync(to, { recursive: true });
      const keep = new Set(manifest.files.map((f) => f.file));
      for (const name of readdirSync(to))
        if (name.endsWith('.woff2') && !keep.has(name)) rmSync(join(to, name));
      if (!committed) for (const f of keep) copyFileSync(join(dir, f), join(to, f));
      writeManifest(to, manifest);
    },
  };
}
