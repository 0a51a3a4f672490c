// The bench's table: every section adds rows; the table is printed once at the end.

export function createTable() {
  const rows = [];
  /** One figure; `ok` true/false marks it against its target, null when it has none. */
  const row = (section, figure, value, target = '', ok = null) =>
    rows.push({ section, figure, value: String(value), target, ok: ok === null ? '' : ok ? 'ok' : 'MISS' });
  const print = (footer) => {
    const keys = ['section', 'figure', 'value', 'target', 'ok'];
    const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
    const line = (r) =>
      keys
        .map((k, i) => r[k].padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    console.log(line(Object.fromEntries(keys.map((k) => [k, k]))));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    if (footer) console.log(`\n${footer}`);
  };
  return { rows, row, print };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const ms = (x) => `${Math.round(x)} ms`;

export const log = (...a) => console.error('bench:', ...a);
