import { type ConfigException, loadConfig } from './app-config.js';

const MB = 1024 * 1024;

describe('the limits of reading a document, from the environment', () => {
  it('has bounded defaults', () => {
    expect(loadConfig({}, '/srv/dondoc').documentReading).toEqual({
      maxInflatedBytes: 50 * MB,
      maxEntryBytes: 20 * MB,
      maxEntries: 2_000,
      maxPages: 500,
      maxTextChars: 2_000_000,
      threads: 2,
      timeoutMs: 10_000,
      maxHeapMb: 512,
    });
  });

  it('reads every variable and names each bad one', () => {
    const config = loadConfig({
      DOCX_MAX_INFLATED_MB: '10',
      DOCX_MAX_PART_MB: '5',
      DOCX_MAX_PARTS: '300',
      PDF_MAX_PAGES: '50',
      DOCUMENT_MAX_CHARS: '100000',
      PARSE_THREADS: '4',
      PARSE_TIMEOUT_SECONDS: '5',
      PARSE_HEAP_MB: '256',
    });
    expect(config.documentReading).toMatchObject({
      maxInflatedBytes: 10 * MB,
      maxEntryBytes: 5 * MB,
      timeoutMs: 5_000,
    });
    try {
      loadConfig({ PARSE_TIMEOUT_SECONDS: '0', DOCX_MAX_PARTS: 'many' });
      throw new Error('expected a ConfigException');
    } catch (error) {
      expect((error as ConfigException).problems).toEqual([
        'DOCX_MAX_PARTS must be a whole number from 10 to 65535, got "many"',
        'PARSE_TIMEOUT_SECONDS must be a whole number from 1 to 3600, got "0"',
      ]);
    }
  });

  it('keeps the time budget of a read inside the request’s', () => {
    try {
      loadConfig({ PARSE_TIMEOUT_SECONDS: '15', REQUEST_TIMEOUT_MS: '15000' });
      throw new Error('expected a ConfigException');
    } catch (error) {
      expect((error as ConfigException).problems).toEqual([
        'PARSE_TIMEOUT_SECONDS must be shorter than REQUEST_TIMEOUT_MS (15000 ms), got 15',
      ]);
    }
  });
});
