/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    // Timeouts catch hangs, they do not measure speed: a test that starts a CLI (Node and tsx)
    // took up to 12 s on a two-core machine kept busy by other processes.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      // Unit tests and the hostile-input corpus (which builds its own broken copies).
      { extends: true, test: { name: 'checks', include: ['tests/unit/**/*.test.ts', 'tests/hostile/**/*.test.ts'] } },
      // Tests of the built fixture atlas: the global setup builds it once for all of them.
      { extends: true, test: { name: 'site', include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/fuzz/**/*.test.ts'], globalSetup: ['tests/support/global-setup.ts'] } },
    ],
  },
});
