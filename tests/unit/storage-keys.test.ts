// What the browser keeps is kept per story: two stories on one host never share a setting.
import { describe, expect, test } from 'vitest';
import { langKey } from '../../src/lib/state/url';
import { reloadLogKey } from '../../src/lib/drivers/recovery';

describe('storage keys', () => {
  test("carry the story's id, and differ between two stories", () => {
    expect(langKey('river-town')).toContain('river-town');
    expect(reloadLogKey('river-town')).toContain('river-town');
    expect(langKey('river-town')).not.toBe(langKey('harbour-walk'));
    expect(reloadLogKey('river-town')).not.toBe(reloadLogKey('harbour-walk'));
    expect(langKey('river-town')).not.toBe(reloadLogKey('river-town'));
  });
});
