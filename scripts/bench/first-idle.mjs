// Navigation to the first chapter's map idle: the app vs the bare page with the same style (and,
// for reference, the basemap alone), in alternating runs. Also the frames each drew before it.
import { bareUrl } from './bare.mjs';
import { bareFirstIdle, readMark, waitMark } from './browser.mjs';
import { log, median, ms } from './table.mjs';

export async function firstIdle({ openPage, origin, story, runs, padding, row, budget }) {
  log(`first idle (${runs} runs each)`);
  const camera = story.chapters[0].camera;
  const pages = [
    { name: 'app: navigation → map idle', url: `${origin}/`, times: [], frames: [] },
    { name: 'bare MapLibre page, same style', url: bareUrl(origin, camera, padding), times: [], frames: [] },
    {
      name: 'bare MapLibre page, basemap only',
      url: `${bareUrl(origin, camera, padding)}&basemap-only`,
      times: [],
      frames: [],
    },
  ];
  for (let r = 0; r < runs; r++) {
    for (const p of pages) {
      const { page, context } = await openPage(p.url);
      let m;
      if (p === pages[0]) {
        await waitMark(page, 'storymap:first-idle');
        m = await readMark(page, 'storymap:first-idle');
      } else m = await bareFirstIdle(page);
      p.times.push(m.t);
      p.frames.push(m.detail?.frames ?? NaN);
      await context.close();
    }
  }
  for (const p of pages)
    row(
      'first chapter',
      `${p.name} (median)`,
      `${ms(median(p.times))}, ${median(p.frames)} frames  [${p.times.map(ms).join(', ')}]`,
    );
  const [app, same, basemapOnly] = pages.map((p) => median(p.times));
  row(
    'first chapter',
    'ratio app / bare page (same style)',
    `${(app / same).toFixed(2)}×`,
    `≤ ${budget}×`,
    app / same <= budget,
  );
  row(
    'first chapter',
    'ratio app / bare page (basemap only), reference',
    `${(app / basemapOnly).toFixed(2)}×`,
  );
}
