import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'fs';
import { join } from 'path';

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** Debian's Chromium, headless; the flags keep it off the (closed) network and working as root. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a full-page screenshot of each page under test-results/screenshots/ (on failure). */
export async function screenshot(pages: Record<string, Page | undefined>, label: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [name, page] of Object.entries(pages)) {
    if (page && !page.isClosed()) await page.screenshot({ path: join(SCREENSHOTS, `${label}-${name}.png`), fullPage: true }).catch(() => undefined);
  }
}

/** Collects what the page's Content-Security-Policy blocked, so a test can assert the policy fits the app. */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}
