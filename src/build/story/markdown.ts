// Story text is Markdown written by teachers; it becomes HTML at build time only.
// Raw HTML is never passed through (it is shown as text), and links may only be
// relative, in-page, or plain web/mail links: no script URL can reach the page.
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(?:https?:\/\/|mailto:|#|\.{0,2}\/|[\w-]+(?:\.[\w-]+)*(?:[/?#]|$))/i;
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;

export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const squashed = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = SCHEME.exec(squashed)?.[1]?.toLowerCase();
  if (scheme && !['http', 'https', 'mailto'].includes(scheme)) return false;
  return SAFE_LINK.test(trimmed);
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });
md.validateLink = isSafeUrl;

// Links that leave the story open in a new tab, so a reader never loses their place.
const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:/i.test(href)) {
    token.attrSet('rel', 'noopener noreferrer external');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * The pictures written with Markdown's image syntax (`![alt](file)`), each with its line in
 * `source` (0-based): a chapter lists its pictures under `media:` instead, so these are refused.
 */
export function markdownImages(source: string): { line: number; src: string }[] {
  const found: { line: number; src: string }[] = [];
  for (const token of md.parse(source, {})) {
    let line = token.map?.[0] ?? 0;
    for (const child of token.children ?? []) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      if (child.type === 'image') found.push({ line, src: String(child.attrGet('src') ?? '') });
    }
  }
  return found;
}

export function renderMarkdown(source: string): string {
  return md.render(source).trim();
}

/** Plain text of a Markdown snippet, for places that cannot hold HTML (titles, live regions). */
export function markdownToText(source: string): string {
  return md
    .renderInline(source)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
