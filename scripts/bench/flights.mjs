// Chapter transitions: frames drawn during each flight, app vs the bare page. A short flight draws
// only a few frames here (software WebGL), so one frame more or less moves its ratio by 20 %: each
// flight is flown `rounds` times on each page, and the medians are compared.
import { bareUrl } from './bare.mjs';
import { bareFirstIdle, readMark, waitIdle } from './browser.mjs';
import { log, median, ms } from './table.mjs';

/** Flies the app through the story; returns each flight (median frames and time) and the map's padding. */
export async function appFlights({ openPage, origin, story, rounds }) {
  log(`chapter transitions (${rounds} rounds)`);
  const first = story.chapters[0];
  const runs = new Map();
  for (let r = 0; r < rounds; r++) {
    const { page, context } = await openPage(`${origin}/`);
    await waitIdle(page, first.id);
    for (let i = 1; i < story.chapters.length; i++) {
      const id = story.chapters[i].id;
      const before = (await readMark(page, 'storymap:move-end'))?.t ?? -1;
      await page.evaluate((cid) => {
        document
          .querySelector(`[data-chapter-id="${cid}"]`)
          ?.scrollIntoView({ block: 'center', behavior: 'instant' });
      }, id);
      await waitIdle(page, id);
      const start = await readMark(page, 'storymap:move-start');
      const end = await readMark(page, 'storymap:move-end');
      if (!start || !end || end.t <= before) continue;
      if (!runs.has(id)) runs.set(id, []);
      runs.get(id).push({
        startCamera: start.detail.camera,
        to: end.detail.camera,
        padding: start.detail.padding,
        frames: end.detail.frames - start.detail.frames,
        ms: end.t - start.t,
      });
    }
    await context.close();
  }
  return [...runs].map(([id, list]) => ({
    id,
    ...list[0],
    frames: median(list.map((f) => f.frames)),
    ms: median(list.map((f) => f.ms)),
  }));
}

/** Flies the same flights on the bare page and reports the ratios. */
export async function compareFlights({ openPage, origin, story, rounds, flights, padding, row, budget }) {
  const first = story.chapters[0];
  const { page, context } = await openPage(bareUrl(origin, first.camera, padding));
  await bareFirstIdle(page);
  const bare = new Map(flights.map((f) => [f.id, []]));
  for (let r = 0; r < rounds; r++)
    for (const f of flights)
      bare
        .get(f.id)
        .push(
          await page.evaluate(
            ([index, from, to, pad]) => window.bench.fly(index, from, to, pad),
            [story.chapters.findIndex((c) => c.id === f.id), f.startCamera, f.to, f.padding],
          ),
        );
  await context.close();
  const ratios = [];
  for (const f of flights) {
    const b = {
      frames: median(bare.get(f.id).map((x) => x.frames)),
      ms: median(bare.get(f.id).map((x) => x.ms)),
    };
    // A flight the bare page drew in no frame at all (a cut on a loaded machine) has no ratio.
    const ratio = b.frames > 0 ? f.frames / b.frames : null;
    if (ratio !== null) ratios.push(ratio);
    row(
      'flights',
      `→ ${f.id}`,
      `${f.frames} frames / ${ms(f.ms)} vs bare ${b.frames} / ${ms(b.ms)} = ${ratio === null ? 'n/a' : ratio.toFixed(2) + '×'}`,
      `≥ ${budget}×`,
      ratio === null ? null : ratio >= budget,
    );
  }
  if (ratios.length)
    row('flights', 'median ratio', `${median(ratios).toFixed(2)}×`, `≥ ${budget}×`, median(ratios) >= budget);
}
