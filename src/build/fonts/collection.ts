// Reads one face out of an OpenType collection (.ttc), such as Debian's NotoSansCJK-Regular.ttc,
// which holds ten faces (JP, KR, SC, TC, HK and their Mono forms) sharing most of their tables.
// The subsetter reads the first face of a file only, so the face wanted is first written out as a
// font of its own: its table directory, and a copy of each of its tables.

/** The family names (name ID 1) of each face in a collection, in order. */
export function collectionFamilies(ttc: Uint8Array): string[] {
  return faceOffsets(ttc).map((at) => familyName(ttc, at));
}

/**
 * The face whose family name (name ID 1) is `family`, as a standalone OpenType font. A plain
 * font file (not a collection) is returned as it is when its family matches.
 */
export function extractFace(ttc: Uint8Array, family: string, file = 'the font file'): Uint8Array {
  const offsets = faceOffsets(ttc);
  const names = offsets.map((at) => familyName(ttc, at));
  const i = names.indexOf(family);
  if (i < 0) throw new Error(`${file} has no face "${family}"; its faces are: ${names.join(', ')}`);
  if (!isCollection(ttc)) return ttc;
  const dir = tableDirectory(ttc, offsets[i]!);
  const headerSize = 12 + 16 * dir.length;
  const size = dir.reduce((n, t) => n + pad4(t.length), headerSize);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out.set(ttc.subarray(offsets[i]!, offsets[i]! + 12), 0); // sfnt version, numTables, search fields
  let at = headerSize;
  dir.forEach((t, k) => {
    const rec = 12 + 16 * k;
    v.setUint32(rec, t.tag);
    v.setUint32(rec + 4, t.checksum);
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, t.length);
    out.set(ttc.subarray(t.offset, t.offset + t.length), at);
    at += pad4(t.length);
  });
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const tag = (s: string) => [...s].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
const isCollection = (b: Uint8Array) => b.byteLength >= 12 && view(b).getUint32(0) === tag('ttcf');

function faceOffsets(b: Uint8Array): number[] {
  if (b.byteLength < 12) throw new Error('not an OpenType font: too short');
  if (!isCollection(b)) return [0];
  const v = view(b);
  const n = v.getUint32(8);
  return Array.from({ length: n }, (_, i) => v.getUint32(12 + 4 * i));
}

interface TableRecord {
  tag: number;
  checksum: number;
  offset: number;
  length: number;
}

function tableDirectory(b: Uint8Array, at: number): TableRecord[] {
  const v = view(b);
  const n = v.getUint16(at + 4);
  return Array.from({ length: n }, (_, k) => {
    const rec = at + 12 + 16 * k;
    return {
      tag: v.getUint32(rec),
      checksum: v.getUint32(rec + 4),
      offset: v.getUint32(rec + 8),
      length: v.getUint32(rec + 12),
    };
  });
}

/** Name ID 1 from the `name` table, preferring the Windows Unicode (UTF-16BE) US-English record. */
function familyName(b: Uint8Array, faceAt: number): string {
  const table = tableDirectory(b, faceAt).find((t) => t.tag === tag('name'));
  if (!table) return '';
  const v = view(b);
  const count = v.getUint16(table.offset + 2);
  const strings = table.offset + v.getUint16(table.offset + 4);
  let best: { score: number; text: string } = { score: -1, text: '' };
  for (let k = 0; k < count; k++) {
    const rec = table.offset + 6 + 12 * k;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) =>
      v.getUint16(rec + d),
    ) as [number, number, number, number, number, number];
    if (nameId !== 1) continue;
    const bytes = b.subarray(strings + offset, strings + offset + length);
    const utf16 = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const text = utf16
      ? String.fromCharCode(
          ...Array.from({ length: length >> 1 }, (_, j) => (bytes[2 * j]! << 8) | bytes[2 * j + 1]!),
        )
      : String.fromCharCode(...bytes);
    const score = (platform === 3 ? 2 : 0) + (language === 0x409 ? 1 : 0);
    if (score > best.score) best = { score, text };
  }
  return best.text;
}
