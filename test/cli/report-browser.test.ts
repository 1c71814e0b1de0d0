/**
 * The HTML report as a person sees it: opened from disk in headless Chromium (Debian's `chromium`,
 * which .ci/run installs), it shows every chart, asks for nothing over the network and logs no
 * error. Screenshots of the page are kept in test/artifacts/ (not committed); docs/report-sample.png
 * in the manual (docs/commands/report.md) is report-first-screen.png. Without Chromium the test is skipped, with a warning, never faked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli } from '../helpers/cli.js';

const chromium = ['chromium', 'chromium-browser'].map((name) => spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
if (!chromium) console.warn('warning: chromium is not installed: the report browser test is skipped (.ci/run installs it)');

const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

describe.skipIf(!chromium)('the HTML report in Chromium', () => {
  it('shows every chart from disk, with no network request and no error logged', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-report-browser-'));
    // Named as a person would in their folder: the page shows the names.
    const [results, schedules, report] = ['results.csv', 'schedules.csv', 'report.html'];
    const page = path.join(dir, report);
    const batch = ['batch', fixture('accounts', 'sample-accounts.csv'), '-o', results, '--schedules', schedules];
    // The browser starts while the report is made: each takes seconds on a busy machine.
    const launched = puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const made = (async () => {
      const written = await runCli([...batch, '--carry', 'pay_frequency', '--as-of', '2026-01-05', '-q', '--workers', '0'], { cwd: dir });
      return [written.code, (await runCli(['report', results, '--schedules', schedules, '--by', 'pay_frequency', '-o', report], { cwd: dir })).code];
    })();
    const [browser, codes] = await Promise.all([launched, made]);
    try {
      expect(codes).toEqual([1, 0]);
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1200, height: 900 });
      const requests: string[] = [];
      const errors: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      tab.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(String(error)));
      tab.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
      const url = pathToFileURL(page).href;
      await tab.goto(url, { waitUntil: 'load' });

      // Each chart drawn, with something in it, and its table and text beside it.
      const charts = await tab.$$eval('figure.chart', (figures) =>
        figures.map((figure) => {
          const svg = figure.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return {
            id: figure.id,
            width: Math.round(box?.width ?? 0),
            height: Math.round(box?.height ?? 0),
            marks: svg?.querySelectorAll('path, rect').length ?? 0,
            label: svg ? (figure.ownerDocument.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent ?? '') : '',
            rows: figure.querySelectorAll('table tbody tr').length,
          };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual([
        'available',
        'available-by-pay_frequency',
        'plan-length',
        'plan-length-by-pay_frequency',
        'cash',
        'cash-by-pay_frequency',
        'flags',
        'flags-by-pay_frequency',
      ]);
      for (const chart of charts) {
        expect(chart.width, chart.id).toBeGreaterThan(200);
        expect(chart.height, chart.id).toBeGreaterThan(150);
        expect(chart.marks, chart.id).toBeGreaterThan(4);
        expect(chart.label.length, chart.id).toBeGreaterThan(20);
        expect(chart.rows, chart.id).toBeGreaterThan(0);
      }
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      await tab.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
      // What the first screen shows: the picture in the manual (docs/report-sample.png) is this one.
      await tab.setViewport({ width: 1200, height: 1500 });
      await tab.screenshot({ path: path.join(ARTIFACTS, 'report-first-screen.png') });
    } finally {
      await browser.close();
    }
  });
});
