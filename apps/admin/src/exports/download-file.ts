/**
 * Downloads a file that needs the caller's token (a plain link cannot send it): fetched
 * with the bearer token, kept as a blob, saved through a temporary `<a download>`.
 */
export async function downloadWithToken(
  url: string,
  fileName: string,
  accessToken: string | null,
  { fetch = (input: string, init: RequestInit) => globalThis.fetch(input, init) } = {},
): Promise<void> {
  const headers: Record<string, string> = {};
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the blob once the click is handled; free it after that turn.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 0);
  }
}
