import { describe, expect, it } from 'vitest';
import { keyAction, typedChapter, type KeyInput } from '../../src/lib/drivers/keys';

const act = (key: string, extra: Partial<KeyInput> = {}, blank = false) =>
  keyAction({ key, ...extra }, { blank })?.type ?? null;

describe('keyAction: the presenter key map', () => {
  it('moves forward with →, ↓, PageDown and Space (what clickers send)', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ']) expect(act(key), key).toBe('next');
  });
  it('moves back with ←, ↑, PageUp and Shift+Space', () => {
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp']) expect(act(key), key).toBe('prev');
    expect(act(' ', { shiftKey: true })).toBe('prev');
  });
  it('goes to the first and last chapter with Home and End', () => {
    expect(act('Home')).toBe('first');
    expect(act('End')).toBe('last');
  });
  it('reads digits and Enter for jump-by-number', () => {
    expect(keyAction({ key: '7' })).toEqual({ type: 'digit', digit: 7 });
    expect(keyAction({ key: '0' })).toEqual({ type: 'digit', digit: 0 });
    expect(act('Enter')).toBe('enter');
    expect(act('Backspace')).toBe('backspace');
  });
  it('blanks with B or . and treats F, S, E, R in either case', () => {
    expect(act('b')).toBe('blank');
    expect(act('B', { shiftKey: true })).toBe('blank');
    expect(act('.')).toBe('blank');
    expect(act('f')).toBe('fullscreen');
    expect(act('F')).toBe('fullscreen');
    expect(act('s')).toBe('speaker');
    expect(act('e')).toBe('explore');
    expect(act('r')).toBe('reset');
    expect(act('Escape')).toBe('escape');
  });
  it('brings a blank screen back with any key, and only that', () => {
    for (const key of ['ArrowRight', 'x', 'b', 'Enter', ' ', '5', 'Escape'])
      expect(act(key, {}, true), key).toBe('unblank');
  });
  it('leaves browser shortcuts and lone modifier keys to the browser, even on a blank screen', () => {
    expect(act('p', { ctrlKey: true })).toBeNull();
    expect(act('r', { metaKey: true })).toBeNull();
    expect(act('ArrowLeft', { altKey: true })).toBeNull();
    expect(act('Shift', {}, true)).toBeNull();
    expect(act('Control', {}, true)).toBeNull();
    expect(act('p', { ctrlKey: true }, true)).toBeNull();
  });
  it('ignores keys that mean nothing in a slide show', () => {
    for (const key of ['x', 'Tab', 'q', 'F5', '+']) expect(act(key), key).toBeNull();
  });
});

describe('typedChapter', () => {
  it('turns a typed 1-based number into a chapter index', () => {
    expect(typedChapter('1', 9)).toBe(0);
    expect(typedChapter('9', 9)).toBe(8);
    expect(typedChapter('07', 9)).toBe(6);
  });
  it('refuses numbers outside the story and empty input', () => {
    expect(typedChapter('0', 9)).toBeNull();
    expect(typedChapter('10', 9)).toBeNull();
    expect(typedChapter('', 9)).toBeNull();
    expect(typedChapter('1a', 9)).toBeNull();
  });
});
