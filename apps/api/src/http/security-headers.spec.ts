import type { AddressInfo } from 'node:net';

import express from 'express';

import { loadConfig } from '@dondoc/platform';

import { securityHeaders } from './security-headers.js';

/** The headers of one answer from a bare Express app with the security headers in front. */
async function headersFor(appUrl: string): Promise<Headers> {
  const app = express().use(securityHeaders(loadConfig({ APP_URL: appUrl })));
  app.get('/', (_request, response) => void response.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await fetch(`http://127.0.0.1:${port}/`)).headers;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  it('pins browsers to https only when the public address is https', async () => {
    const https = await headersFor('https://dondoc.example.gov.vn');
    expect(https.get('strict-transport-security')).toBe('max-age=31536000');
    expect(https.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const http = await headersFor('http://localhost:3000');
    expect(http.get('strict-transport-security')).toBeNull();
    expect(http.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });

  it('forbids framing and sniffing whatever the address', async () => {
    const headers = await headersFor('http://localhost:3000');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});
