import type { Browser, BrowserContext } from 'playwright-core';

export declare const DEFAULT_CHROMIUM: string;
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];

export interface MachineProbes {
  env: Record<string, string | undefined>;
  isRoot: boolean;
  isExecutable: (path: string) => boolean;
  hasCommand: (cmd: string) => boolean;
  /** `fc-list :lang=zh family` output: empty when no font covers Chinese. */
  zhFonts: string;
}
export declare function checkMachine(probes: MachineProbes): {
  chromium: string;
  /** Debian packages to install with apt-get now (only when this run may). */
  install: string[];
  /** The one line to print when the run cannot go on. */
  message: string | null;
};
export declare function machineProbes(env?: Record<string, string | undefined>): MachineProbes;
export declare function launchChromium(options?: { extraArgs?: string[] }): Promise<Browser>;
export declare function launchFreshChromium(options?: {
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  locale?: string;
  extraArgs?: string[];
  /** 'block' (default) keeps the app's service worker out, so page.route sees every request. */
  serviceWorkers?: 'allow' | 'block';
}): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
