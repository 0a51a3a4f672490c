// Keeps the audience view and the speaker view on the same chapter, page and language, both
// ways, over a BroadcastChannel. Only changes made in this window are sent: a chapter, page or
// language received from the other window becomes the shared one before it is applied, so it is
// never sent back (no echo). Only the audience's slide measures how many pages a chapter has; the
// speaker view learns it from there.
import { isLang, type Lang } from '../story/types';

export type SyncMessage =
  /** The sender moved to chapter `index`. */
  | { type: 'go'; index: number }
  /** A window joined and asks where the show is. */
  | { type: 'hello' }
  /** Blank or restore the audience screen. */
  | { type: 'blank'; on: boolean }
  /** The sender switched to language `lang`. */
  | { type: 'lang'; lang: Lang }
  /** Chapter `index` has `steps` pages and shows page `step` (0-based) in the sender's window. */
  | { type: 'step'; index: number; step: number; steps: number };

export function isSyncMessage(m: unknown): m is SyncMessage {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'go':
      return typeof r.index === 'number' && Number.isInteger(r.index) && r.index >= 0;
    case 'hello':
      return true;
    case 'blank':
      return typeof r.on === 'boolean';
    case 'lang':
      return isLang(r.lang);
    case 'step':
      return (
        isCount(r.index, 0) &&
        isCount(r.steps, 1) &&
        isCount(r.step, 0) &&
        (r.step as number) < (r.steps as number)
      );
    default:
      return false;
  }
}

/** Where a chapter starts: its first page of one, until its view measures more. */
const FIRST_PAGE = { step: 0, steps: 1 } as const;

function isCount(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

/** The part of BroadcastChannel we use, so that tests can pass a fake. */
export interface Channel {
  postMessage(m: SyncMessage): void;
  addEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', f: (e: MessageEvent) => void): void;
  close(): void;
}

export interface SyncOptions {
  /** The chapter this window shows when the sync starts. */
  index: number;
  /** Apply a chapter that the other window moved to. */
  go: (index: number) => void;
  /** The language this window shows when the sync starts. */
  lang?: Lang;
  /** Apply a language that the other window switched to. */
  onLang?: (lang: Lang) => void;
  onBlank?: (on: boolean) => void;
  /** Apply the page of chapter `index` that the other window shows (and how many it has). */
  onStep?: (index: number, step: number, steps: number) => void;
  /** The channel: a BroadcastChannel named after the story (`openChannel`), or a fake in tests. */
  channel: Channel;
}

export interface Sync {
  /** Tell the sync where this window is now; it is sent only if it differs from the shared chapter. */
  update(index: number): void;
  /** Tell the sync this window's language; it is sent only if it differs from the shared one. */
  language(lang: Lang): void;
  /** Tell the sync this window's page of chapter `index`; it is sent only if it differs from the shared one. */
  page(index: number, step: number, steps: number): void;
  blank(on: boolean): void;
  dispose(): void;
}

export function channelName(storyId: string): string {
  return `storymap:${storyId}`;
}

/** A BroadcastChannel for the story, or null where the browser has none (the show then runs alone). */
export function openChannel(storyId: string): Channel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName(storyId)) : null;
}

export function startSync(opts: SyncOptions): Sync {
  const { channel } = opts;
  /** The chapter both windows agree on, as far as this window knows. */
  let shared = opts.index;
  let sharedLang = opts.lang;
  /** The page of the shared chapter, and how many it has: a new chapter starts at its first of one. */
  let sharedStep: { step: number; steps: number } = FIRST_PAGE;
  let disposed = false;
  const send = (m: SyncMessage) => {
    if (!disposed) channel.postMessage(m);
  };

  const onMessage = (e: MessageEvent) => {
    const m: unknown = e.data;
    if (disposed || !isSyncMessage(m)) return;
    switch (m.type) {
      case 'go':
        if (m.index !== shared) sharedStep = FIRST_PAGE;
        shared = m.index;
        opts.go(m.index);
        return;
      case 'hello':
        send({ type: 'go', index: shared });
        if (sharedLang) send({ type: 'lang', lang: sharedLang });
        send({ type: 'step', index: shared, ...sharedStep });
        return;
      case 'step':
        // A page of a chapter this window has since left is not applied.
        if (m.index !== shared) return;
        sharedStep = { step: m.step, steps: m.steps };
        opts.onStep?.(m.index, m.step, m.steps);
        return;
      case 'lang':
        sharedLang = m.lang;
        opts.onLang?.(m.lang);
        return;
      case 'blank':
        opts.onBlank?.(m.on);
        return;
    }
  };
  channel.addEventListener('message', onMessage);
  send({ type: 'hello' });

  return {
    update(index) {
      if (index === shared) return;
      shared = index;
      sharedStep = FIRST_PAGE;
      send({ type: 'go', index });
    },
    page(index, step, steps) {
      if (index !== shared || (step === sharedStep.step && steps === sharedStep.steps)) return;
      sharedStep = { step, steps };
      send({ type: 'step', index, step, steps });
    },
    language(lang) {
      if (lang === sharedLang) return;
      sharedLang = lang;
      send({ type: 'lang', lang });
    },
    blank(on) {
      send({ type: 'blank', on });
    },
    dispose() {
      disposed = true;
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
