// A raster picture (JPEG, PNG, WebP, AVIF), made for the web with sharp (libvips; build time only):
// turned upright from its EXIF orientation first, converted to sRGB, then written at each width the
// layouts need (config.ts) in AVIF and WebP, with JPEG for browsers that show neither (PNG when the
// picture has transparency). sharp writes no metadata unless asked to, so none of the source's
// EXIF, XMP, IPTC or ICC data (GPS position, camera serials, owner) reaches the files. A tiny blurred
// preview and the dominant colour stand in until the picture arrives.
import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  BUDGETS,
  ENCODERS,
  MIN_WIDTH,
  PLACEHOLDER,
  WIDEST_LAYOUT,
  formatBytes,
  widthsFor,
} from './config.ts';

export type RasterFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface RasterOutput {
  format: RasterFormat;
  width: number;
  height: number;
  data: Buffer;
}

export interface RasterResult {
  /** Why the picture is refused, one line each; empty when it was built. */
  problems: string[];
  /** Upright size of the source, in px. */
  width: number;
  height: number;
  outputs: RasterOutput[];
  placeholder: { color: string; preview: string };
}

/** sharp's names of the formats a story may use for a raster picture (AVIF is read as HEIF). */
const READABLE: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', heif: 'AVIF' };

const hex = (n: number) => n.toString(16).padStart(2, '0');

export async function buildRaster(bytes: Buffer): Promise<RasterResult> {
  const problems: string[] = [];
  const refused = (width = 0, height = 0): RasterResult => ({
    problems,
    width,
    height,
    outputs: [],
    placeholder: { color: '', preview: '' },
  });
  if (bytes.length > BUDGETS.sourceBytes)
    problems.push(
      `is ${formatBytes(bytes.length)}: a picture may be at most ${formatBytes(BUDGETS.sourceBytes)} as given (export it smaller)`,
    );
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    problems.push('is not a picture that can be read (JPEG, PNG, WebP or AVIF)');
    return refused();
  }
  const readable = READABLE[meta.format ?? ''];
  if (!readable || (meta.format === 'heif' && meta.compression !== 'av1')) {
    problems.push(
      `is ${meta.format?.toUpperCase() ?? 'of an unknown format'} inside: a photograph must be JPEG, PNG, WebP or AVIF`,
    );
    return refused();
  }
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (width * height > BUDGETS.sourcePixels)
    problems.push(
      `has ${((width * height) / 1e6).toFixed(0)} million pixels: at most ${BUDGETS.sourcePixels / 1e6} million (make it smaller first)`,
    );
  if (width < MIN_WIDTH)
    problems.push(
      `is ${width} px wide: it must be at least ${MIN_WIDTH} px wide, as the ${WIDEST_LAYOUT} shows a picture ${MIN_WIDTH} CSS px wide`,
    );
  if (problems.length) return refused(width, height);

  const upright = () => sharp(bytes).rotate().toColourspace('srgb');
  const { isOpaque, dominant } = await upright().stats();
  const fallback: RasterFormat = isOpaque ? 'jpeg' : 'png';
  const make = async (w: number, format: RasterFormat): Promise<RasterOutput> => {
    const resized = upright().resize({ width: w, withoutEnlargement: true });
    const encoded = encode(isOpaque ? resized.flatten() : resized, format);
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { format, width: info.width, height: info.height, data };
  };
  // The budget first (the widest WebP): a picture over it is refused before the rest is made.
  const widths = widthsFor(width);
  const widest = await make(widths.at(-1)!, 'webp');
  if (widest.data.length > BUDGETS.builtWebp) {
    problems.push(
      `is over the budget: at ${widest.width} px its WebP is ${formatBytes(widest.data.length)}, at most ` +
        `${formatBytes(BUDGETS.builtWebp)} (crop it, or use a less detailed picture)`,
    );
    return refused(width, height);
  }
  const outputs = await Promise.all(
    widths.flatMap((w) =>
      (['avif', 'webp', fallback] as const).map((format) =>
        format === 'webp' && w === widest.width ? widest : make(w, format),
      ),
    ),
  );
  const preview = await upright().resize({ width: PLACEHOLDER.width }).webp(PLACEHOLDER.webp).toBuffer();
  return {
    problems,
    width,
    height,
    outputs,
    placeholder: {
      color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
      preview: `data:image/webp;base64,${preview.toString('base64')}`,
    },
  };
}

function encode(image: Sharp, format: RasterFormat): Sharp {
  switch (format) {
    case 'avif':
      return image.avif(ENCODERS.avif);
    case 'webp':
      return image.webp(ENCODERS.webp);
    case 'jpeg':
      return image.jpeg(ENCODERS.jpeg);
    case 'png':
      return image.png(ENCODERS.png);
  }
}

/** The dominant colour of an SVG, drawn small (it is checked safe before it is drawn). */
export async function svgColor(svg: Buffer): Promise<string> {
  const { dominant } = await sharp(svg).resize({ width: 64 }).stats();
  return `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`;
}
