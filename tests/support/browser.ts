import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

/** Debian's chromium (`npx playwright install` cannot download a browser on these machines). */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROMIUM_PATH');
  }
}

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  status: number | null;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  requests: RecordedRequest[];
  pageErrors: string[];
  /** Console reports of Content-Security-Policy violations (anything the policy blocked). */
  cspViolations: string[];
  close(): Promise<void>;
}

/**
 * A fresh headless chromium profile with every request recorded (URL, method, headers, status),
 * so tests can assert on PKCE, bearer tokens and the origins the app talks to.
 */
export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'tn-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
  const requests: RecordedRequest[] = [];
  const pageErrors: string[] = [];
  const byRequest = new Map<Request, RecordedRequest>();
  context.on('request', (r) => {
    const rec: RecordedRequest = { url: r.url(), method: r.method(), headers: r.headers(), status: null };
    byRequest.set(r, rec);
    requests.push(rec);
  });
  context.on('requestfinished', (r) => {
    r.response()
      .then((res) => {
        const rec = byRequest.get(r);
        if (rec && res) rec.status = res.status();
      })
      // the page may close before the response object is read; the status then stays null
      .catch(() => undefined);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|connect|execute|apply|frame|compile)/i.test(m.text())) cspViolations.push(m.text());
  });
  return {
    context,
    page,
    requests,
    pageErrors,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
