// The real-browser helpers, apart from index.ts: loading playwright-core costs about half a
// second and 90 MB, which no unit, integration or end-to-end test file should pay.
export * from './chromium.js';
export * from './screenshots.js';
export * from './console-under-test.js';
