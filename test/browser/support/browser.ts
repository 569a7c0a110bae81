/** Debian's Chromium driven by playwright-core: no browser download, nothing outside 127.0.0.1. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** `npm run screenshots` writes the set kept in docs/screenshots/; the tests write to artifacts/. */
export const SCREENSHOTS = join(process.cwd(), process.env.BROWSER_SCREENSHOTS_DIR || 'artifacts/screenshots');

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `浏览器测试已跳过：未找到 ${CHROMIUM}(apt-get install -y chromium，或设置 CHROMIUM_PATH)`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
      '--mute-audio',
      '--lang=zh-CN',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** Failed-resource messages, with the status (a 401 before the token is given is expected). */
  failedResources: Array<{ text: string; url: string }>;
  /** Requests other than GET (the page must not write). */
  writes: string[];
  /** Every URL requested. */
  requests: string[];
  /** Requests to anywhere but 127.0.0.1 (refused). */
  outside: string[];
  close(): Promise<void>;
}

const LOCAL = new Set(['127.0.0.1']);

export async function openPage(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const failedResources: Array<{ text: string; url: string }> = [];
  const requests: string[] = [];
  const writes: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const { protocol, hostname } = new URL(url);
    if ((protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && !LOCAL.has(hostname)) {
      outside.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (request.method() !== 'GET') writes.push(`${request.method()} ${url}`);
    const { protocol, hostname } = new URL(url);
    if (!['data:', 'blob:', 'about:'].includes(protocol) && !LOCAL.has(hostname) && !outside.includes(url)) outside.push(url);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (text.startsWith('Failed to load resource')) failedResources.push({ text, url: message.location().url });
    else errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors, failedResources, requests, writes, outside, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
