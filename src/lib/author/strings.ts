// Interface text of the author's view, in both languages. Apart from src/lib/ui/strings.ts so that
// it loads with the author's view only (dev server); the font subsets skip this folder
// (src/build/fonts/config.ts), so that its characters add nothing to the fonts readers load.
import type { Lang } from '../story/types';

const en = {
  title: 'Author’s view',
  panel: 'Author’s tools',
  intro:
    'Move the map to the view you want, then copy its camera into the chapter file. Saving a story file reloads the story here, on the same chapter.',
  chapters: 'Chapters',
  chapterButton: (n: number, title: string, id: string) => `${n}. ${title} (${id})`,
  editing: 'Editing',
  fileToEdit: 'File to edit',
  cameraNow: 'The map’s camera now',
  cameraInFile: 'In the file now',
  copyCamera: 'Copy the camera line',
  copied: 'Copied to the clipboard.',
  selected: 'The clipboard could not be used: the text is selected, press Ctrl+C (⌘C) to copy it.',
  reset: 'Back to the chapter’s camera',
  moved: 'The map has moved from the chapter’s camera.',
  atChapter: 'The map shows the chapter’s camera.',
  place: 'A place',
  placeHelp:
    'Click the map to take a point (or press P for the centre of the map), then add the entry to the "features" list of the places file and give it its id, names, province and source.',
  placeNone: 'No point taken yet.',
  copyPlace: 'Copy the place entry',
  placeAtCentre: 'Take the centre of the map',
  keysHint:
    'Map: Tab to it, then arrows pan, + and − zoom, Shift+arrows rotate and tilt. Page Up / Page Down: chapter · C: copy the camera · P: the centre as a place · R: back to the chapter’s camera',
  mapNotReady: 'The map is loading…',
  colon: ': ',
} as const;

type AuthorStrings = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

const zh: AuthorStrings = {
  title: '作者视图',
  panel: '作者工具',
  intro:
    '把地图移动到想要的视图，再把相机设置复制到章节文件中。保存故事文件后，这里会重新加载故事，并停留在同一章。',
  chapters: '章节',
  chapterButton: (n, title, id) => `${n}. ${title}（${id}）`,
  editing: '正在编辑',
  fileToEdit: '要编辑的文件',
  cameraNow: '地图当前的相机设置',
  cameraInFile: '文件中现有的设置',
  copyCamera: '复制相机设置',
  copied: '已复制到剪贴板。',
  selected: '无法使用剪贴板：文字已选中，请按 Ctrl+C（⌘C）复制。',
  reset: '回到本章的相机设置',
  moved: '地图已离开本章的相机设置。',
  atChapter: '地图显示的是本章的相机设置。',
  place: '地点',
  placeHelp:
    '点击地图选取一个点（或按 P 选取地图中心），再把这一条加入地点文件的 "features" 列表，并填写它的 id、名称、省份和来源。',
  placeNone: '尚未选取任何点。',
  copyPlace: '复制地点条目',
  placeAtCentre: '选取地图中心',
  keysHint:
    '地图：用 Tab 键移到地图上，方向键平移，+ 和 − 缩放，Shift+方向键旋转和倾斜。Page Up / Page Down：换章 · C：复制相机设置 · P：以地图中心为地点 · R：回到本章的相机设置',
  mapNotReady: '正在加载地图……',
  colon: '：',
};

export const AUTHOR_STRINGS: Record<Lang, AuthorStrings> = { en, zh };
