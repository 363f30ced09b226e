import { describe, expect, it } from 'vitest';
import { checkMachine, type MachineProbes } from '../chromium.mjs';

/** A Debian machine with Chromium and a CJK font, as root; each case takes something away. */
const machine = (over: Partial<MachineProbes> = {}): MachineProbes => ({
  env: {},
  isRoot: true,
  isExecutable: (p) => p === '/usr/bin/chromium',
  hasCommand: (c) => c === 'apt-get',
  zhFonts: 'WenQuanYi Micro Hei\n',
  ...over,
});
const bare = { isExecutable: () => false, zhFonts: '' };

describe('what npm test needs from the machine', () => {
  it('goes on with Debian Chromium and any font that covers Chinese', () => {
    expect(checkMachine(machine())).toEqual({ chromium: '/usr/bin/chromium', install: [], message: null });
    expect(checkMachine(machine({ zhFonts: 'Noto Sans CJK SC\n', isRoot: false })).message).toBeNull();
  });

  it('installs Chromium and the font itself when it runs as root with apt-get', () => {
    expect(checkMachine(machine(bare))).toEqual({
      chromium: '/usr/bin/chromium',
      install: ['chromium', 'fonts-wqy-microhei'],
      message: null,
    });
    expect(checkMachine(machine({ zhFonts: '' })).install).toEqual(['fonts-wqy-microhei']);
  });

  it.each([
    ['not root', { isRoot: false }],
    ['no apt-get', { hasCommand: () => false }],
    ['HUAIBEI_NO_APT=1', { env: { HUAIBEI_NO_APT: '1' } }],
  ])('stops with one line naming the packages when it cannot install (%s)', (_label, over) => {
    const r = checkMachine(machine({ ...bare, ...over }));
    expect(r.install).toEqual([]);
    expect(r.message).toBe(
      'npm test needs Chromium and a CJK font: run `sudo apt-get install chromium fonts-wqy-microhei` (or set CHROMIUM_PATH to a Chromium)',
    );
    expect(r.message).not.toContain('\n');
  });

  it('names only what is missing', () => {
    const r = checkMachine(machine({ isRoot: false, zhFonts: '' }));
    expect(r.message).toBe('npm test needs a CJK font: run `sudo apt-get install fonts-wqy-microhei`');
  });

  it('takes CHROMIUM_PATH as given, and says so when nothing runs there', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' };
    const ok = checkMachine(machine({ env, isExecutable: (p) => p === env.CHROMIUM_PATH }));
    expect(ok).toEqual({ chromium: '/opt/chrome/chrome', install: [], message: null });
    // Installing Debian's Chromium would not help a path that points elsewhere: no install, one line.
    const wrong = checkMachine(machine({ env: { CHROMIUM_PATH: '/nonexistent' } }));
    expect(wrong.install).toEqual([]);
    expect(wrong.message).toBe(
      'npm test: CHROMIUM_PATH=/nonexistent is not an executable Chromium: point it at one, or unset it and run `apt-get install chromium`',
    );
  });
});
