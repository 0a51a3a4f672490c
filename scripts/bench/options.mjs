// The bench's command line.
//   npm run bench                 build (into node_modules/.cache/bench/dist), then measure everything
//   npm run bench -- --no-build   measure the existing dist/ (built without SITE_URL: no canonical
//                                 link, so Lighthouse's SEO score may differ)
//   npm run bench -- --skip-lighthouse --runs 5 --flight-rounds 5 --keep-bare
//   npm run bench -- --only first-idle,flights   (sections: flights, first-idle, trace, scrolling,
//                                                  heap, kiosk-soak, lighthouse; the bundle is always reported)
//   npm run bench -- --only glyphs [--glyphs-dir DIR]   font-faces vs pre-built glyph ranges; run
//                                                  only when named (scripts/bench/glyphs.mjs)

export function parseOptions(args) {
  const flag = (name) => args.includes(name);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
  };
  const only = flag('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
  return {
    build: !flag('--no-build'),
    keepBare: flag('--keep-bare'),
    lighthouse: !flag('--skip-lighthouse'),
    runs: option('--runs', 3),
    flightRounds: option('--flight-rounds', 3),
    heapChanges: option('--changes', 45),
    glyphsDir: args.includes('--glyphs-dir') ? args[args.indexOf('--glyphs-dir') + 1] : null,
    want: (section) => !only || only.includes(section),
    /** Sections that run only when --only names them. */
    named: (section) => !!only?.includes(section),
  };
}
