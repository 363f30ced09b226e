import type { BrowserContext } from 'playwright-core';

export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function launchFreshChromium(options?: {
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  locale?: string;
  extraArgs?: string[];
  /** 'block' (default) keeps the app's service worker out, so page.route sees every request. */
  serviceWorkers?: 'allow' | 'block';
}): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
