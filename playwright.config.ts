import { defineConfig, devices } from '@playwright/test';
import { PORT_BASE } from './tests/e2e/ports.js';

/** Each journey gets its own fresh data folder and server, running the built application as `npm start` does. */
const server = (port: number) => ({
  command: `rm -rf .tmp/e2e-${port} && node dist/server/cli/main.js --data .tmp/e2e-${port} serve --port ${port} --host 127.0.0.1 --sans-sauvegarde`,
  url: `http://127.0.0.1:${port}/api/v1/sante`,
  reuseExistingServer: false,
  timeout: 60_000,
});

export default defineConfig({
  testDir: './tests/e2e',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  timeout: 30_000,
  expect: { timeout: 8_000 },
  use: {
    locale: 'fr-FR',
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 } } }],
  webServer: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => server(PORT_BASE + n)),
});
