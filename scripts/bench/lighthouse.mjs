// Lighthouse 12.2.3 with Debian's Chromium: the scroll page in each language, mobile and desktop
// presets, each in a fresh browser.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, chromiumPath } from '../serve-dist.mjs';
import { log } from './table.mjs';

const PAGES = [
  { lang: 'en', path: '/' },
  { lang: 'zh', path: '/zh/' },
];
const SHOWN = [
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'first-contentful-paint',
  'speed-index',
];

export async function lighthouseScores({ origin, row, targets }) {
  for (const preset of ['desktop', 'mobile'])
    for (const { lang, path } of PAGES) {
      const section = `lighthouse ${preset} ${lang}`;
      log(section);
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath() ?? undefined,
        chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
      });
      try {
        const { lhr } = await lighthouse(
          `${origin}${path}`,
          { port: chrome.port, output: 'json', logLevel: 'error' },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        for (const [id, target] of Object.entries(targets[preset])) {
          const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
          row(section, id, score, `≥ ${target}`, score >= target);
        }
        for (const id of SHOWN)
          row(
            section,
            lhr.audits[id]?.title ?? id,
            `${lhr.audits[id]?.displayValue ?? 'n/a'} (score ${lhr.audits[id]?.score ?? 'n/a'})`,
          );
        // What costs points, besides the timings above.
        for (const a of Object.values(lhr.audits))
          if (
            a.score !== null &&
            a.score < 1 &&
            ['binary', 'numeric'].includes(a.scoreDisplayMode) &&
            !/paint|blocking|layout-shift|speed-index|interactive|max-potential/.test(a.id)
          )
            log(`${section}: ${a.id} ${a.score} ${a.displayValue ?? ''}`);
        const longTasks = lhr.audits['long-tasks']?.details?.items ?? [];
        if (longTasks.length)
          log(
            `${section}: long tasks ${longTasks
              .map((t) => `${Math.round(t.duration)} ms (${String(t.url).split('/').pop()})`)
              .join(', ')}`,
          );
      } finally {
        chrome.kill();
      }
    }
}
