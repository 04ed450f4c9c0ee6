import { Injectable, type OnModuleDestroy } from '@nestjs/common';

import { ParsePool } from '@dondoc/ingestion';
import { AppConfig, type DocumentReadingConfig } from '@dondoc/platform';

/** The reading threads' options from the configuration. */
export function parsePoolOptions(reading: DocumentReadingConfig): ConstructorParameters<typeof ParsePool>[0] {
  return {
    threads: reading.threads,
    timeoutMs: reading.timeoutMs,
    maxHeapMb: reading.maxHeapMb,
    maxQueued: reading.threads * 8,
    limits: {
      maxInflatedBytes: reading.maxInflatedBytes,
      maxEntryBytes: reading.maxEntryBytes,
      maxEntries: reading.maxEntries,
      maxPages: reading.maxPages,
      maxTextChars: reading.maxTextChars,
    },
  };
}

/**
 * The process's one pool of document-reading threads (see ParsePool), sized and bounded by
 * the configuration; its threads stop when the application does.
 */
@Injectable()
export class DocumentParsePool extends ParsePool implements OnModuleDestroy {
  constructor(config: AppConfig) {
    super(parsePoolOptions(config.documentReading));
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }
}
