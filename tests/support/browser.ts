/**
 * Chromium for the browser tests: Debian's system build (CHROMIUM_PATH or
 * /usr/bin/chromium), never a downloaded one. Without it the browser suites
 * are skipped with a message saying so — except under CI=true, where a missing
 * browser is a failure, so CI cannot pass without running them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, it } from 'vitest';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const MISSING = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH or apt-get install chromium)`;

/** A `describe` that runs only when Chromium is installed (and fails under CI when it is not). */
export function describeBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, suite);
  } else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has Chromium to run in', () => {
        throw new Error(MISSING.replace('browser tests skipped', 'browser tests cannot run under CI'));
      });
    });
  } else {
    console.warn(MISSING);
    describe.skip(name, suite);
  }
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile and everything that phones home turned off. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'atlas-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
