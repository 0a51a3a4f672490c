// Every piece of interface text, in both languages. Story text lives in the story folder.
import type { Lang } from '../story/types';

const en = {
  skipMap: 'Skip the map and go to the story',
  mapLabel: 'Map of the story. Each chapter describes what it shows.',
  mapNeedsJs: 'The interactive map needs JavaScript. The whole story can be read below without it.',
  onTheMap: 'On the map',
  sources: 'Sources',
  chapterOf: (i: number, n: number) => `Chapter ${i} of ${n}`,
  chapters: 'Chapters',
  language: 'Language',
  switchTo: '中文',
  switchToLabel: '切换到中文',
  mapFailed: 'The map could not be loaded. The story itself is complete in the text.',
  basemapFailed:
    'The base map could not be loaded, so the map shows only the story’s places. The story itself is complete in the text.',
  fontFailed: 'A font could not be loaded; the text uses a replacement font.',
  mapLoading: 'Loading the map…',
  reducedMotion: 'Reduce motion',
} as const;

type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

const zh: Strings = {
  skipMap: '跳过地图，直接阅读故事',
  mapLabel: '故事地图。每一章都说明了地图上显示的内容。',
  mapNeedsJs: '交互地图需要 JavaScript。没有它，也可以在下面读完整个故事。',
  onTheMap: '地图上',
  sources: '资料来源',
  chapterOf: (i, n) => `第 ${i} 章，共 ${n} 章`,
  chapters: '章节',
  language: '语言',
  switchTo: 'English',
  switchToLabel: 'Switch to English',
  mapFailed: '地图未能加载。故事正文完整，可以继续阅读。',
  basemapFailed: '底图未能加载，地图上只显示故事中的地点。故事正文完整，可以继续阅读。',
  fontFailed: '有字体未能加载，文字以替代字体显示。',
  mapLoading: '正在加载地图……',
  reducedMotion: '减少动画',
};

export const STRINGS: Record<Lang, Strings> = { en, zh };
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
