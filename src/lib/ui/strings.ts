// Every piece of interface text, in both languages. Story text lives in the story folder.
import type { Lang } from '../story/types';

const en = {
  skipToStory: 'Skip to the story',
  skipMap: 'Skip the map',
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
  mapLoading: 'Loading the map…',
  reducedMotion: 'Reduce motion',
  kioskTouch: 'Touch the screen to explore',
  kioskPrev: 'Previous',
  kioskPrevLabel: 'Previous chapter',
  kioskNext: 'Next',
  kioskNextLabel: 'Next chapter',
  kioskClose: 'Close',
  kioskResume: 'Resume the tour',
  kioskResumesAfter: (s: number) => `The tour resumes by itself after ${s} seconds without a touch.`,
} as const;

type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

const zh: Strings = {
  skipToStory: '跳到故事正文',
  skipMap: '跳过地图',
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
  mapLoading: '正在加载地图……',
  reducedMotion: '减少动画',
  kioskTouch: '触摸屏幕，自由探索',
  kioskPrev: '上一章',
  kioskPrevLabel: '上一章',
  kioskNext: '下一章',
  kioskNextLabel: '下一章',
  kioskClose: '关闭',
  kioskResume: '继续导览',
  kioskResumesAfter: (s) => `无人操作 ${s} 秒后，导览将自动继续。`,
};

export const STRINGS: Record<Lang, Strings> = { en, zh };
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
