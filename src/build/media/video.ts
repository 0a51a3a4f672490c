// A short video is served as it is (the build has no video encoder): it must be what its name says
// (an MP4 or a WebM container) and within the budget. Its captions are WebVTT files, checked to be
// such. The poster is a raster picture and goes through image.ts.
import { BUDGETS, formatBytes } from './config.ts';

export type VideoFormat = 'mp4' | 'webm';

/** Why the video is refused, one line each; empty when it may be served. */
export function checkVideo(bytes: Buffer, format: VideoFormat): string[] {
  const problems: string[] = [];
  if (containerOf(bytes) !== format)
    problems.push(
      `is not ${format === 'mp4' ? 'an MP4' : 'a WebM'} video inside (${describe(containerOf(bytes))})`,
    );
  if (bytes.length > BUDGETS.video)
    problems.push(
      `is ${formatBytes(bytes.length)}: a video may be at most ${formatBytes(BUDGETS.video)} ` +
        '(it is served as it is, and a kiosk keeps it offline): shorten it, or encode it smaller',
    );
  return problems;
}

/** The container a file's first bytes say it is. */
function containerOf(bytes: Buffer): VideoFormat | 'matroska' | undefined {
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') return 'mp4';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) {
    // EBML: WebM is Matroska with the document type "webm", written in its header.
    return bytes.subarray(0, 64).includes('webm', 0, 'latin1') ? 'webm' : 'matroska';
  }
  return undefined;
}

function describe(c: ReturnType<typeof containerOf>): string {
  return c === 'mp4'
    ? 'it is MP4'
    : c === 'webm'
      ? 'it is WebM'
      : c === 'matroska'
        ? 'it is Matroska'
        : 'its format is unknown';
}

/** Why a captions file is refused; empty when it is WebVTT within the budget. */
export function checkCaptions(bytes: Buffer): string[] {
  const problems: string[] = [];
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!/^WEBVTT(?:[ \t]|\r?\n|$)/.test(text))
    problems.push('is not a WebVTT file: its first line must be "WEBVTT"');
  else if (!/-->/.test(text))
    problems.push('holds no cue (a line "00:00:00.000 --> 00:00:02.000", then its text)');
  if (bytes.length > BUDGETS.captions)
    problems.push(
      `is ${formatBytes(bytes.length)}: captions may be at most ${formatBytes(BUDGETS.captions)}`,
    );
  return problems;
}
