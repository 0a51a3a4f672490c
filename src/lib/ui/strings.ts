// Every piece of interface text, in both languages. Story text lives in the story folder.
import type { Lang } from '../story/types';

const en = {
  skipMap: 'Skip the map and go to the story',
  mapLabel: 'Map of the story. Each chapter describes what it shows.',
  mapNeedsJs: 'The interactive map needs JavaScript. The whole story can be read below without it.',
  printNoMaps:
    'Printed without its maps. For a handout with a picture of each chapter’s map, open the story with ?mode=print added to its address.',
  onTheMap: 'On the map: ',
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
  noMapData: 'The basemap has no data for this view; only the story’s own places are drawn here.',
  reducedMotion: 'Reduce motion',
  routesOnMap: 'Lines on the map',
  routeLength: (length: string) => `about ${length}`,
  /** A route the chapter draws part of the way (its `to:`). */
  routeLengthPart: (part: string, whole: string) => `drawn so far: about ${part} of ${whole}`,
  routeSchematic:
    'Drawn through main places on the way, not along the real track; the length is measured along this line.',
  routeGreatCircle:
    'The shortest path over the globe (a great circle) between the two points, not a real flight path.',
  areaSize: (area: string) => `Area: ${area}`,
  scaleCircleLabel: (area: string) => `Circle of ${area}, for scale: not a border`,
  figures: 'Figures',
  figureSource: 'Source',
  /** A chart in words; the growth from the first value to the last when it is known (`growthRatio`). */
  seriesAlt: (label: string, values: string, ratio: string | null) =>
    `${label}: ${values}.${ratio ? ` The last figure is ${ratio} times the first.` : ''}`,
  publisher: 'Published by',
  licence: 'Licence',
  address: 'Address',
  allSources: 'Every source of this story and its map',
  basemap: 'Basemap',
  basemapNote: 'The basemap (rivers, coasts, lakes and borders) is built from these open data sets:',
  colon: ': ',
} as const;

type Strings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

const zh: Strings = {
  skipMap: '跳过地图，直接阅读故事',
  mapLabel: '故事地图。每一章都说明了地图上显示的内容。',
  mapNeedsJs: '交互地图需要 JavaScript。没有它，也可以在下面读完整个故事。',
  printNoMaps: '此打印版不含地图。如需每章附有地图图片的讲义，请在本故事的网址后加上 ?mode=print 再打开。',
  onTheMap: '地图上：',
  sources: '资料来源',
  chapterOf: (i, n) => `第 ${i} 章，共 ${n} 章`,
  chapters: '章节',
  language: '语言',
  switchTo: 'English',
  switchToLabel: 'Switch to English',
  mapFailed: '地图未能加载。故事正文完整，可以继续阅读。',
  basemapFailed: '底图未能加载，地图上只显示故事中的地点。故事正文完整，可以继续阅读。',
  fontFailed: '有字体未能加载，文字以替代字体显示。',
  noMapData: '底图在此视图中没有数据，这里只显示故事中的地点。',
  reducedMotion: '减少动画',
  routesOnMap: '地图上的线条',
  routeLength: (length) => `约 ${length}`,
  routeLengthPart: (part, whole) => `已画出约 ${part}，全程约 ${whole}`,
  routeSchematic: '线条只连接沿途主要地点，并非实际路线走向；长度按图上的线条计算。',
  routeGreatCircle: '两点之间在地球表面上的最短路线（大圆），并非实际飞行路线。',
  areaSize: (area) => `面积：${area}`,
  scaleCircleLabel: (area) => `${area}的圆：仅示意面积，并非边界`,
  figures: '数据',
  figureSource: '来源',
  seriesAlt: (label, values, ratio) =>
    `${label}：${values}。${ratio ? `最后一项约为第一项的 ${ratio} 倍。` : ''}`,
  publisher: '发布者',
  licence: '许可',
  address: '网址',
  allSources: '本故事及地图的全部资料来源',
  basemap: '底图',
  basemapNote: '底图（河流、海岸、湖泊和边界）由以下开放数据制作：',
  colon: '：',
};

export const STRINGS: Record<Lang, Strings> = { en, zh };
export const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans' };
