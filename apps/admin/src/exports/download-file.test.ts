// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi as mock } from 'vitest';
import { downloadWithToken } from './download-file';

afterEach(() => mock.restoreAllMocks());

describe('downloading a file that needs the token', () => {
  it('fetches with the bearer token and saves the blob under the given name through a temporary link', async () => {
    const fetch = mock.fn(async () => new Response(new Blob(['PK\u0003\u0004']), { status: 200 }));
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    mock.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    URL.createObjectURL = mock.fn(() => 'blob:test/1');
    URL.revokeObjectURL = mock.fn();

    await downloadWithToken(
      '/exports/1/file',
      'Bảng theo dõi nhiệm vụ 410-BC-TU 2026-12-01.xlsx',
      'token-1',
      {
        fetch,
      },
    );

    expect(fetch).toHaveBeenCalledWith('/exports/1/file', { headers: { Authorization: 'Bearer token-1' } });
    expect(clicked).toEqual([
      { href: 'blob:test/1', download: 'Bảng theo dõi nhiệm vụ 410-BC-TU 2026-12-01.xlsx', attached: true },
    ]);
    // The link is gone and the blob is freed once the click is handled.
    expect(document.querySelectorAll('a')).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1');
  });

  it('fails on an answer that is not the file, saving nothing', async () => {
    const fetch = mock.fn(async () => new Response('Not Found', { status: 404 }));
    const click = mock.spyOn(HTMLAnchorElement.prototype, 'click');
    await expect(downloadWithToken('/exports/2/file', 'a.csv', 'token-1', { fetch })).rejects.toThrow(
      'HTTP 404',
    );
    expect(click).not.toHaveBeenCalled();
  });
});
