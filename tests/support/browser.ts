/**
 * Chromium for the browser tests: Debian's system build (CHROMIUM_PATH or
 * /usr/bin/chromium), never a downloaded one. Without it the browser suites
 * are skipped with a message saying so — except under CI=true, where a missing
 * browser is a failure, so CI cannot pass without running them.
 */
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

export { launchBrowser, type Browser } from '../../scripts/lib/chromium.ts';

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
