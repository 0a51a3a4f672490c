// The JS heap after N chapter changes (reduced motion: cuts, so the run stays short).
import { waitIdle } from './browser.mjs';
import { log } from './table.mjs';

export async function heap({ openPage, origin, story, changes, row }) {
  log(`heap after ${changes} chapter changes`);
  const { page, context } = await openPage(`${origin}/`, { reducedMotion: 'reduce' });
  await waitIdle(page, story.chapters[0].id);
  const cdp = await context.newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const h0 = await used();
  for (let n = 1; n <= changes; n++) {
    const id = story.chapters[n % story.chapters.length].id;
    await page.evaluate((cid) => (location.hash = cid), id);
    await waitIdle(page, id);
  }
  const h1 = await used();
  await context.close();
  const mb = (b) => (b / 1048576).toFixed(1);
  row('heap', 'JS heap after load (after GC)', `${mb(h0)} MB`);
  row(
    'heap',
    `JS heap after ${changes} chapter changes (after GC)`,
    `${mb(h1)} MB (${h1 >= h0 ? '+' : ''}${mb(h1 - h0)} MB)`,
  );
}
