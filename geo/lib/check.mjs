// Checks the outside tools the extraction and font stages need, and says clearly what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @typedef {{ name: string, ok: boolean, detail: string, fix: string }} ToolCheck */

function run(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return null;
  }
}

/** Tools needed by the extraction stage (GSHHG + DCW through GMT). @returns {ToolCheck[]} */
export function checkExtractTools() {
  const gmtVersion = run('gmt', ['--version']);
  return [
    {
      name: 'gmt',
      ok: gmtVersion !== null,
      detail: gmtVersion ? `GMT ${gmtVersion}` : 'command `gmt` not found',
      fix: 'apt-get install -y gmt',
    },
    {
      name: 'gmt-gshhg-full',
      ok:
        existsSync('/usr/share/gmt-gshhg/binned_river_f.nc') &&
        existsSync('/usr/share/gmt-gshhg/binned_GSHHS_f.nc'),
      detail: '/usr/share/gmt-gshhg/binned_{GSHHS,river}_f.nc',
      fix: 'apt-get install -y gmt-gshhg-full',
    },
    {
      name: 'gmt-dcw',
      ok: existsSync('/usr/share/gmt-dcw/dcw-gmt.nc'),
      detail: '/usr/share/gmt-dcw/dcw-gmt.nc',
      fix: 'apt-get install -y gmt-dcw',
    },
  ];
}

/** Tools needed by the font stage. @returns {ToolCheck[]} */
export function checkFontTools() {
  const py = findPython();
  const ft = py ? run(py, ['-c', 'import fontTools, brotli; print(fontTools.version)']) : null;
  return [
    {
      name: 'python3-fonttools (+ brotli for woff2)',
      ok: ft !== null,
      detail: ft ? `fontTools ${ft}` : 'python3 module fontTools or brotli not importable',
      fix: 'apt-get install -y python3-fonttools python3-brotli',
    },
    {
      name: 'fonts-noto-cjk',
      ok: existsSync(NOTO_CJK_TTC),
      detail: NOTO_CJK_TTC,
      fix: 'apt-get install -y fonts-noto-cjk',
    },
  ];
}

/**
 * A python3 that can import fontTools. Debian's python3-fonttools lives in /usr/bin/python3's
 * dist-packages; a pyenv or venv python3 earlier on PATH does not see it, so try that one first.
 * @returns {string | null}
 */
export function findPython() {
  for (const py of [process.env.GEO_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean)) {
    if (run(py, ['-c', 'import fontTools, brotli']) !== null) return py;
  }
  return null;
}

export const NOTO_CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Prints a table and returns whether everything is present. */
export function report(title, checks) {
  console.log(`${title}:`);
  for (const c of checks)
    console.log(
      `  ${c.ok ? 'ok     ' : 'MISSING'} ${c.name} — ${c.detail}${c.ok ? '' : `\n          fix: ${c.fix}`}`,
    );
  return checks.every((c) => c.ok);
}
