import { Injectable } from '@nestjs/common';

import {
  type DocumentOutline,
  IngestionException,
  konTum2019Gazetteer,
  MAX_DOCUMENT_BYTES,
} from '@dondoc/ingestion';
import { type AccessScope, gazetteerFromOrganizations, OrganizationsService } from '@dondoc/organizations';
import { badInput } from '@dondoc/platform';

import { DocumentParsePool } from './document-parse-pool.js';
import { documentReadError } from './document-read-errors.js';

/** A document as the API receives it: pasted text, or a file in base64. */
export interface DocumentUpload {
  fileName?: string | null;
  text?: string | null;
  fileBase64?: string | null;
}

export interface ReadDocument {
  outline: DocumentOutline;
  fileName: string | null;
  fileData: Buffer | null;
}

/**
 * Reads an upload with the document reader, recognising the bodies of the organization
 * table (names, short names and aliases as they are today).
 */
@Injectable()
export class DocumentReader {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly pool: DocumentParsePool,
  ) {}

  /** Reads the upload; the bodies recognised are those of `scope` (the reader's jurisdiction). */
  async read(upload: DocumentUpload, scope: AccessScope): Promise<ReadDocument> {
    const hasText = typeof upload.text === 'string' && upload.text.length > 0;
    const hasFile = typeof upload.fileBase64 === 'string' && upload.fileBase64.length > 0;
    if (hasText === hasFile) {
      throw badInput('input', {
        en: 'Give either the text of the document or the file (fileBase64), not both',
        vi: 'Cần gửi nội dung văn bản hoặc tệp (fileBase64), không gửi cả hai',
      });
    }
    const fileData = hasFile ? decodeBase64(upload.fileBase64 as string) : null;
    const gazetteer = gazetteerFromOrganizations(
      await this.organizations.findAll(scope),
      konTum2019Gazetteer,
    );
    try {
      // Off the event loop, within the configured limits and time budget.
      const outline = await this.pool.parse(
        fileData
          ? { fileName: upload.fileName ?? undefined, data: new Uint8Array(fileData) }
          : { fileName: upload.fileName ?? undefined, text: upload.text as string },
        { gazetteer },
      );
      return { outline, fileName: upload.fileName ?? null, fileData };
    } catch (error) {
      if (error instanceof IngestionException)
        throw documentReadError(error, hasFile ? 'fileBase64' : 'text');
      throw error;
    }
  }
}

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(text)) {
    throw badInput('fileBase64', {
      en: 'fileBase64 is not base64',
      vi: 'fileBase64 không đúng định dạng base64',
    });
  }
  const data = Buffer.from(text, 'base64');
  if (data.length > MAX_DOCUMENT_BYTES) {
    throw badInput('fileBase64', {
      en: `The file is over ${MAX_DOCUMENT_BYTES / 1_048_576} MB`,
      vi: `Tệp lớn hơn ${MAX_DOCUMENT_BYTES / 1_048_576} MB`,
    });
  }
  return data;
}
