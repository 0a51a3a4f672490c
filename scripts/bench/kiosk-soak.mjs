// Kiosk soak: the attract loop's JS heap after GC over 200 chapter changes, after a warm-up
// (tests/bench/kiosk-soak.mjs). A measurement, so it lives in the bench and not in the browser tests.
import { formatSoak, kioskSoak as soak, SOAK_DEFAULTS } from '../../tests/bench/kiosk-soak.mjs';
import { log } from './table.mjs';

export async function kioskSoak({ browser, origin, row }) {
  log(`kiosk soak (${SOAK_DEFAULTS.warmup} changes warm-up, then ${SOAK_DEFAULTS.changes})`);
  const context = await browser.newContext({ baseURL: origin, reducedMotion: 'reduce' });
  const r = await soak(await context.newPage());
  log(formatSoak(r));
  row(
    'kiosk soak',
    `JS heap growth over ${r.changes} chapter changes of the loop (after GC)`,
    `${r.growth >= 0 ? '+' : ''}${(r.growth * 100).toFixed(1)} %`,
    `≤ ${SOAK_DEFAULTS.limit * 100} %`,
    r.growth <= SOAK_DEFAULTS.limit,
  );
  await context.close();
}
