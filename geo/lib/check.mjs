// Checks the outside tools the extraction stage needs, and says clearly what is missing.
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

/** Prints a table and returns whether everything is present. */
export function report(title, checks) {
  console.log(`${title}:`);
  for (const c of checks)
    console.log(
      `  ${c.ok ? 'ok     ' : 'MISSING'} ${c.name} — ${c.detail}${c.ok ? '' : `\n          fix: ${c.fix}`}`,
    );
  return checks.every((c) => c.ok);
}
