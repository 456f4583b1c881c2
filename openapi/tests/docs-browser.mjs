// Browser test of the two reference pages, in headless Chromium driven by playwright-core.
// Run by DocsBrowserIT with CITYLINKS_URL set (CHROMIUM may name the browser; default
// /usr/bin/chromium). Every tag and operation of the served contract must be listed in the
// Redoc reference at /docs and in Swagger UI, and one GET run through Swagger UI's "Try it out"
// must show the service's real answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const baseUrl = process.env.CITYLINKS_URL;
if (!baseUrl) throw new Error('CITYLINKS_URL is not set');

function expect(condition, what) {
    if (!condition) throw new Error(`expected ${what}`);
    console.log(`ok - ${what}`);
}

const contract = await (await fetch(`${baseUrl}/q/openapi?format=json`)).json();
const operations = Object.entries(contract.paths).flatMap(([path, item]) =>
    ['get', 'put', 'post', 'patch', 'delete'].filter(method => item[method])
        .map(method => ({ path, method, ...item[method] })));
const tags = contract.tags.map(tag => tag.name);
console.log(`# the served contract has ${tags.length} tags and ${operations.length} operations`);

const profile = mkdtempSync(join(tmpdir(), 'citylinks-chromium-'));
// A fresh, empty profile each run (Playwright passes it to Chromium as --user-data-dir).
const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
        '--disable-component-update', '--disable-sync'],
});
try {
    const page = await browser.newPage();
    const failedRequests = [];
    const refusedByPolicy = [];
    const consoleErrors = [];
    page.on('requestfailed', request => (request.failure()?.errorText === 'csp' ? refusedByPolicy : failedRequests)
        .push(request.url()));
    page.on('response', response => { if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`); });
    page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', error => consoleErrors.push(error.message));

    // The reference: Redoc on the served contract, with no request leaving the service.
    const docs = await page.goto(`${baseUrl}/docs`);
    expect(docs.ok(), `/docs answers ${docs.status()}`);
    expect(/default-src 'none'/.test(docs.headers()['content-security-policy'] ?? ''), '/docs sends its own CSP');
    await page.waitForSelector('[data-section-id^="tag/"]', { timeout: 30000 });
    const sectionIds = await page.$$eval('[data-section-id]', nodes => nodes.map(n => n.getAttribute('data-section-id')));
    const docsText = await page.innerText('body');
    const missingTags = tags.filter(tag => !sectionIds.includes(`tag/${tag}`));
    expect(missingTags.length === 0, `/docs lists every tag (missing: ${missingTags.join(', ') || 'none'})`);
    const missingOps = operations.filter(op =>
        !sectionIds.some(id => id.endsWith(`/operation/${op.operationId}`)) || !docsText.includes(op.summary));
    expect(missingOps.length === 0,
        `/docs lists every operation with its summary (missing: ${missingOps.map(op => op.operationId).join(', ') || 'none'})`);
    expect(failedRequests.length === 0, `/docs loads everything it asks for (failed: ${failedRequests.join(', ') || 'none'})`);
    // Redoc shows Redocly's logo from their CDN, with no option to turn it off; the CSP keeps
    // readers' browsers from calling that host, and Redoc hides the image when it fails.
    expect(refusedByPolicy.every(url => url.startsWith('https://cdn.redoc.ly/')),
        `the CSP refuses only Redocly's logo (refused: ${refusedByPolicy.join(', ') || 'none'})`);
    const otherErrors = consoleErrors.filter(text => !/Content Security Policy/.test(text) || !/cdn\.redoc\.ly/.test(text))
        .filter(text => !text.startsWith('Failed to load resource')); // each is listed with its URL by the response listener
    expect(otherErrors.length === 0, `/docs runs without errors (${otherErrors.join('; ') || 'none'})`);

    // Swagger UI: every tag and operation, then "Try it out" on a GET.
    await page.goto(`${baseUrl}/q/swagger-ui`);
    await page.waitForSelector('.opblock', { timeout: 30000 });
    const tagNames = await page.$$eval('.opblock-tag', nodes => nodes.map(n => n.getAttribute('data-tag')));
    const missingUiTags = tags.filter(tag => !tagNames.includes(tag));
    expect(missingUiTags.length === 0, `Swagger UI lists every tag (missing: ${missingUiTags.join(', ') || 'none'})`);
    const blockIds = await page.$$eval('.opblock', nodes => nodes.map(n => n.id));
    const missingUiOps = operations.filter(op => !blockIds.includes(`operations-${op.tags[0]}-${op.operationId}`));
    expect(missingUiOps.length === 0,
        `Swagger UI lists every operation (missing: ${missingUiOps.map(op => op.operationId).join(', ') || 'none'})`);
    const deprecated = operations.filter(op => op.deprecated).map(op => `operations-${op.tags[0]}-${op.operationId}`);
    const shownDeprecated = await page.$$eval('.opblock-deprecated', nodes => nodes.map(n => n.id));
    expect(deprecated.every(id => shownDeprecated.includes(id)), `Swagger UI marks the ${deprecated.length} deprecated operation(s)`);

    const search = page.locator('#operations-Search-searchEverything');
    await search.locator('.opblock-summary').click();
    await search.locator('button.try-out__btn').click();
    await search.locator('input[placeholder="q"]').fill('metz');
    await search.locator('button.execute').click();
    const status = search.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: 30000 });
    const statusText = (await status.innerText()).trim();
    const body = await search.locator('.live-responses-table .response-col_description pre').first().innerText();
    const requestUrl = await search.locator('.request-url pre').first().innerText();
    expect(statusText === '200', `"Try it out" on GET /v1/search answers ${statusText} (${requestUrl.trim()}: ${body.slice(0, 300)})`);
    const answer = JSON.parse(body);
    expect(Array.isArray(answer.items) && 'next' in answer, 'and shows the real search page the service sent');
    expect(requestUrl.startsWith(`${baseUrl}/v1/search?q=metz`), `the request went to this service (${requestUrl.trim()})`);
} finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
}
