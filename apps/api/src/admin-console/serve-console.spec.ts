import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { serveConsole } from './serve-console.js';

@Module({})
class EmptyModule {}

const SCRIPT = 'console.log("the console");'.repeat(100);

/** A console build as Vite and apps/admin/precompress.ts leave it: one script with its copies. */
function fakeBuild(): string {
  const parent = mkdtempSync(join(tmpdir(), 'console-build-'));
  // Beside the build, so a path climbing out of assets/ and the build would reach it.
  writeFileSync(join(parent, 'secret.js'), 'secret');
  writeFileSync(join(parent, 'secret.js.br'), brotliCompressSync('secret'));
  const dir = join(parent, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<html><script src="/admin/assets/index-abc.js"></script></html>');
  writeFileSync(join(dir, 'assets/index-abc.js'), SCRIPT);
  writeFileSync(join(dir, 'assets/index-abc.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'assets/index-abc.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(dir, 'assets/plain-def.js'), SCRIPT);
  return dir;
}

describe('serveConsole', () => {
  let app: NestExpressApplication;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = fakeBuild();
    app = await NestFactory.create<NestExpressApplication>(EmptyModule, { logger: false });
    serveConsole(app, dir);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  /** Node's fetch decodes br and gzip itself: what the browser would run. */
  const get = (path: string, acceptEncoding: string) =>
    fetch(`${url}${path}`, { headers: { 'accept-encoding': acceptEncoding } });

  it('sends the brotli copy, else the gzip one, else the file, each cacheable for good', async () => {
    for (const [accepted, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const response = await get('/admin/assets/index-abc.js', accepted);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
      expect(await response.text()).toBe(SCRIPT);
    }
  });

  it('sends the file itself when the build wrote no copy of it, 404 for no file, nothing outside', async () => {
    const plain = await get('/admin/assets/plain-def.js', 'br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    expect((await get('/admin/assets/missing.js', 'br')).status).toBe(404);
    for (const path of ['/admin/assets/..%2f..%2fsecret.js', '/admin/assets/%2e%2e/%2e%2e/secret.js'])
      expect(await (await get(path, 'br')).text()).not.toBe('secret');
  });

  it('never lets index.html be cached, at /admin/ or at a client-side route', async () => {
    for (const path of ['/admin/', '/admin/index.html', '/admin/account']) {
      const response = await get(path, 'br');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toMatch(/index-abc\.js/);
    }
  });
});
