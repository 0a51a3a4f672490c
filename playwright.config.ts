import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
// One list of Chromium flags for the tests, the scripts and the benchmark.
import { CHROMIUM_ARGS } from './scripts/serve-dist.mjs';

// Debian's Chromium where it exists (this machine, CI); Playwright's own browser elsewhere.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
/** The test files that measure real time: each runs alone on the machine. */
const TIMED = /\/(kiosk|kiosk-layout|text-first|first-view)\.spec\.ts$/;
/**
 * The kiosk captions' tests watch real time too, but without the map's code (they block it): two
 * light pages that do not disturb each other, so they run two at once, apart from the rest.
 */
const CAPTIONS = /caption is shown whole during the loop/;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // Two browsers at once for the files that do not measure time (see `projects`); the tests of a
  // file run in order in one of them.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: CHROMIUM_ARGS,
    },
  },
  // `npm run test:e2e` (scripts/e2e.mjs) runs the walks, then the kiosk captions two at once, then
  // the other timed files alone on the machine: their tests watch real time (the kiosk's loop and
  // idle timers, the first paint, the offline copy's install), which a second browser busy beside
  // them would disturb.
  projects: [
    { name: 'walks', testIgnore: TIMED },
    { name: 'captions', testMatch: TIMED, grep: CAPTIONS, workers: 2, fullyParallel: true },
    { name: 'timed', testMatch: TIMED, grepInvert: CAPTIONS, workers: 1 },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
