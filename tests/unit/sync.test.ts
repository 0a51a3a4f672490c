import { describe, expect, it } from 'vitest';
import {
  isSyncMessage,
  startSync,
  type Channel,
  type Sync,
  type SyncMessage,
} from '../../src/lib/state/sync';
import type { Lang } from '../../src/lib/story/types';

/** Two windows' channels, delivering synchronously to every other end (as BroadcastChannel does, but now). */
function bus() {
  const ends: FakeChannel[] = [];
  class FakeChannel implements Channel {
    sent: SyncMessage[] = [];
    listeners = new Set<(e: MessageEvent) => void>();
    closed = false;
    constructor() {
      ends.push(this);
    }
    postMessage(m: SyncMessage) {
      if (this.closed) throw new Error('posted on a closed channel');
      this.sent.push(m);
      for (const other of ends)
        if (other !== this && !other.closed) other.listeners.forEach((f) => f({ data: m } as MessageEvent));
    }
    addEventListener(_t: 'message', f: (e: MessageEvent) => void) {
      this.listeners.add(f);
    }
    removeEventListener(_t: 'message', f: (e: MessageEvent) => void) {
      this.listeners.delete(f);
    }
    close() {
      this.closed = true;
    }
  }
  return () => new FakeChannel();
}

/** A window: a chapter index that the sync moves, and that "drivers" move then report with update(). */
function windowWith(channel: Channel, start: number, startLang: Lang = 'en') {
  const w = { index: start, applied: [] as number[], blank: false, lang: startLang };
  // The fake bus delivers at once, so a reply may arrive before startSync returns.
  let sync: Sync | undefined = undefined;
  sync = startSync({
    channel,
    index: start,
    go: (i) => {
      w.applied.push(i);
      if (i !== w.index) {
        w.index = i;
        // Like the $effect in the modes: every change of the index is reported.
        sync?.update(i);
      }
    },
    onBlank: (on) => (w.blank = on),
    lang: startLang,
    onLang: (lang) => {
      w.lang = lang;
      // Like the $effect in the modes: every change of language is reported.
      sync?.language(lang);
    },
  });
  return { w, sync: sync! };
}

describe('startSync', () => {
  it('moves the other window, both ways, without echoing a received chapter back', () => {
    const open = bus();
    const a = open();
    const b = open();
    const audience = windowWith(a, 2);
    const speaker = windowWith(b, 2);
    a.sent.length = 0;
    b.sent.length = 0;

    audience.w.index = 3;
    audience.sync.update(3);
    expect(speaker.w.index).toBe(3);
    expect(a.sent).toEqual([{ type: 'go', index: 3 }]);
    expect(b.sent, 'the speaker does not send the chapter it received').toEqual([]);

    speaker.w.index = 5;
    speaker.sync.update(5);
    expect(audience.w.index).toBe(5);
    expect(a.sent).toEqual([{ type: 'go', index: 3 }]);
    expect(b.sent).toEqual([{ type: 'go', index: 5 }]);
  });

  it('does not send an unchanged chapter', () => {
    const open = bus();
    const a = open();
    const { sync } = windowWith(a, 4);
    a.sent.length = 0;
    sync.update(4);
    sync.update(4);
    expect(a.sent).toEqual([]);
  });

  it('answers a window that joins with the chapter on screen', () => {
    const open = bus();
    const audience = windowWith(open(), 6);
    const speaker = windowWith(open(), 0);
    expect(speaker.w.index).toBe(6);
    expect(audience.w.index).toBe(6);
  });

  it('passes blank and restore to the other window', () => {
    const open = bus();
    const audience = windowWith(open(), 0);
    const speaker = windowWith(open(), 0);
    speaker.sync.blank(true);
    expect(audience.w.blank).toBe(true);
    speaker.sync.blank(false);
    expect(audience.w.blank).toBe(false);
  });

  it('after dispose, neither sends nor hears', () => {
    const open = bus();
    const a = open();
    const audience = windowWith(a, 1);
    const speaker = windowWith(open(), 1);
    speaker.sync.dispose();
    audience.w.index = 2;
    audience.sync.update(2);
    expect(speaker.w.index).toBe(1);
    expect(() => speaker.sync.update(3)).not.toThrow();
    expect(audience.w.index).toBe(2);
  });

  it('switches the other window’s language, both ways, without echo', () => {
    const open = bus();
    const a = open();
    const b = open();
    const audience = windowWith(a, 0, 'en');
    const speaker = windowWith(b, 0, 'en');
    a.sent.length = 0;
    b.sent.length = 0;
    audience.w.lang = 'zh';
    audience.sync.language('zh');
    expect(speaker.w.lang).toBe('zh');
    expect(a.sent).toEqual([{ type: 'lang', lang: 'zh' }]);
    expect(b.sent, 'the speaker does not send the language it received').toEqual([]);
    speaker.sync.language('en');
    expect(audience.w.lang).toBe('en');
    audience.sync.language('en');
    expect(a.sent, 'an unchanged language is not sent').toEqual([{ type: 'lang', lang: 'zh' }]);
  });

  it('a window that joins takes the language of the show', () => {
    const open = bus();
    const audience = windowWith(open(), 3, 'zh');
    const speaker = windowWith(open(), 0, 'en');
    expect(speaker.w.lang).toBe('zh');
    expect(speaker.w.index).toBe(3);
    expect(audience.w.lang).toBe('zh');
  });

  it('ignores messages that are not ours', () => {
    expect(isSyncMessage({ type: 'go', index: 2 })).toBe(true);
    expect(isSyncMessage({ type: 'go', index: -1 })).toBe(false);
    expect(isSyncMessage({ type: 'go', index: 1.5 })).toBe(false);
    expect(isSyncMessage({ type: 'go' })).toBe(false);
    expect(isSyncMessage({ type: 'blank', on: 'yes' })).toBe(false);
    expect(isSyncMessage({ type: 'lang', lang: 'zh' })).toBe(true);
    expect(isSyncMessage({ type: 'lang', lang: 'fr' })).toBe(true);
    expect(isSyncMessage({ type: 'lang', lang: 'de' })).toBe(false);
    expect(isSyncMessage({ type: 'step', index: 2, step: 1, steps: 2 })).toBe(true);
    expect(isSyncMessage({ type: 'step', index: 2, step: 2, steps: 2 })).toBe(false);
    expect(isSyncMessage({ type: 'step', index: 2, step: 0, steps: 0 })).toBe(false);
    expect(isSyncMessage({ type: 'step', index: 2, step: -1, steps: 2 })).toBe(false);
    expect(isSyncMessage('go')).toBe(false);
    expect(isSyncMessage(null)).toBe(false);
  });

  it('passes the page of a long chapter, not after the chapter has changed, and a window that joins gets it', () => {
    const open = bus();
    const a = open();
    const pages: [number, number, number][] = [];
    const audience = windowWith(a, 4);
    const speakerChannel = open();
    const speaker = startSync({
      channel: speakerChannel,
      index: 4,
      go: () => {},
      onStep: (...p) => pages.push(p),
    });
    expect(pages, 'the show answers a window that joins with its page').toEqual([[4, 0, 1]]);
    pages.length = 0;
    a.sent.length = 0;
    audience.sync.page(4, 0, 2);
    audience.sync.page(4, 1, 2);
    audience.sync.page(4, 1, 2);
    expect(pages).toEqual([
      [4, 0, 2],
      [4, 1, 2],
    ]);
    expect(
      a.sent.filter((m) => m.type === 'step'),
      'an unchanged page is not sent',
    ).toHaveLength(2);
    // The speaker has moved on: a page of the chapter it left is not applied.
    speaker.update(5);
    a.postMessage({ type: 'step', index: 4, step: 0, steps: 2 });
    expect(pages).toHaveLength(2);
    // A third window joins and hears the page of the show's chapter.
    const late: [number, number, number][] = [];
    audience.w.index = 5;
    startSync({ channel: open(), index: 0, go: () => {}, onStep: (...p) => late.push(p) });
    expect(late.at(-1)).toEqual([5, 0, 1]);
  });
});
