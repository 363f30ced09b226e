import type { BrowserContext } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchFreshChromium(options?: {
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  locale?: string;
  extraArgs?: string[];
}): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
