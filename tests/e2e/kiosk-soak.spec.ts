// Issue 5: memory hygiene. At least 200 chapter changes of the kiosk loop must not grow the JS
// heap (measured after garbage collection) by more than 20 %.
import { formatSoak, kioskSoak, SOAK_DEFAULTS } from '../bench/kiosk-soak.mjs';
import { expect, test } from './fixtures';

test.use({ reducedMotion: 'reduce' });

test('200 chapter changes of the kiosk loop keep the JS heap within 20 % growth', async ({ page }) => {
  test.setTimeout(420_000);
  const r = await kioskSoak(page, { changes: SOAK_DEFAULTS.changes });
  console.log(formatSoak(r));
  test.info().annotations.push({ type: 'soak', description: formatSoak(r) });
  expect(r.changes).toBeGreaterThanOrEqual(200);
  expect(r.growth, formatSoak(r)).toBeLessThanOrEqual(SOAK_DEFAULTS.limit);
});
