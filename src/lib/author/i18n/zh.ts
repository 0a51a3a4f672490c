// The author's view in Simplified Chinese. The keys are those of en.ts.
import type { AuthorStrings } from './en.ts';

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
  newPlace: '新地点',
  copyPlace: '复制地点条目',
  placeAtCentre: '选取地图中心',
  keysHint:
    '地图：用 Tab 键移到地图上，方向键平移，+ 和 − 缩放，Shift+方向键旋转和倾斜。Page Up / Page Down：换章 · C：复制相机设置 · P：以地图中心为地点 · R：回到本章的相机设置',
  mapNotReady: '正在加载地图……',
  colon: '：',
};

export default zh;
