// The pipeline says clearly which outside tool is missing and how to install it.
import { describe, expect, it, vi } from 'vitest';
import { report, checkExtractTools } from '../../../geo/lib/check.mjs';

describe('tool checks', () => {
  it('lists every tool the extraction stage needs, with an install line', () => {
    const names = checkExtractTools()
      .map((c) => c.name)
      .join(' ');
    for (const n of ['gmt', 'gmt-gshhg-full', 'gmt-dcw']) expect(names).toContain(n);
    for (const c of checkExtractTools()) expect(c.fix).toMatch(/^apt-get install -y /);
  }, 30_000);
  it('reports what is missing and how to fix it', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const ok = report('tools', [
      { name: 'gmt', ok: false, detail: 'command `gmt` not found', fix: 'apt-get install -y gmt' },
      {
        name: 'gmt-dcw',
        ok: true,
        detail: '/usr/share/gmt-dcw/dcw-gmt.nc',
        fix: 'apt-get install -y gmt-dcw',
      },
    ]);
    spy.mockRestore();
    expect(ok).toBe(false);
    const out = lines.join('\n');
    expect(out).toMatch(/MISSING gmt — command `gmt` not found\n\s+fix: apt-get install -y gmt/);
    expect(out).toMatch(/ok\s+gmt-dcw/);
  });
});
