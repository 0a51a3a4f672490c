// story.yaml `basemap: { archive, kind }`: which archive the story's map draws, checked against
// the file itself (it exists, it is a PMTiles v3 archive of vector tiles, its layers are those of
// its kind), each problem at its line. The archive's header then gives the closest zoom a chapter
// may use.
import { EMBEDDED_ARCHIVE } from '../../lib/basemap-archive.js';
import type { BasemapKind } from '../../lib/story/types.ts';
import { archivePath, kindProblem, readArchiveInfo } from '../basemap/story-archive.ts';
import type { StoryContext } from './context.ts';
import { SourceFile } from './problems.ts';
import type { StoryMeta } from './story-file.ts';

export interface StoryBasemap {
  /** The archive on disk. */
  path: string;
  /** The archive as messages name it (relative to the project). */
  archive: string;
  kind: BasemapKind;
  maxZoom: number;
}

/**
 * The story's basemap, or undefined when its setting or its archive is wrong (each problem reported
 * at story.yaml's line). `folder`: the story folder on disk.
 */
export function readBasemapSetting(
  ctx: StoryContext,
  meta: StoryMeta | undefined,
  folder: string,
): StoryBasemap | undefined {
  const setting = meta?.basemap ?? {};
  const text = ctx.files.get('story.yaml');
  const file = text === undefined ? undefined : new SourceFile(ctx.rel('story.yaml'), text);
  /** A problem with the field `field`, reported at the line of `at` (default: the field's own). */
  const problem = (field: 'archive' | 'kind', message: string, at: 'archive' | 'kind' = field) => {
    if (file) ctx.problems.at(file, ['basemap', at], message, undefined, `basemap.${field}`);
    return undefined;
  };
  const { archive } = setting;
  if (!archive) {
    if (setting.kind === 'protomaps')
      return problem(
        'kind',
        'a protomaps basemap needs its archive: name a PMTiles file of the story folder in basemap.archive ' +
          '(npm run basemap:extract makes one)',
      );
    return embedded();
  }
  const named = ctx.rel(archive);
  if (!setting.kind)
    return problem(
      'kind',
      `is required with an archive: what ${named} holds, embedded or protomaps`,
      'archive',
    );
  const path = archivePath(folder, archive);
  let info;
  try {
    info = readArchiveInfo(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return problem(
      'archive',
      why === 'the file does not exist'
        ? `${named} does not exist: put the archive in the story folder ` +
            `(npm run basemap:extract -- --from <archive URL or file> --bbox story --maxzoom <zoom> --out ${named})`
        : `${named} cannot be the story's basemap: ${why}`,
    );
  }
  const wrong = kindProblem(setting.kind, info.layers);
  if (wrong) return problem('kind', `${named} is not a ${setting.kind} basemap: ${wrong}`);
  return { path, archive: named, kind: setting.kind, maxZoom: info.maxZoom };
}

function embedded(): StoryBasemap {
  const path = archivePath('', undefined);
  return { path, archive: EMBEDDED_ARCHIVE, kind: 'embedded', maxZoom: readArchiveInfo(path).maxZoom };
}
