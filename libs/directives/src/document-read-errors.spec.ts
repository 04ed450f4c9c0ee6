import { IngestionException, IngestionExceptionCode } from '@dondoc/ingestion';
import { DomainErrorCode } from '@dondoc/platform';

import { documentReadError } from './document-read-errors.js';

const MB = 1024 * 1024;
const tooLarge = (limit: IngestionException['limit']) =>
  documentReadError(
    new IngestionException(IngestionExceptionCode.TOO_LARGE, 'English line', limit),
    'fileBase64',
  );

describe('what a caller hears when a document is refused', () => {
  it('names each limit and its value in Vietnamese and English', () => {
    const cases: [IngestionException['limit'], string, string][] = [
      [
        { name: 'maxInflatedBytes', limit: 50 * MB, value: 50 * MB + 1, atLeast: true },
        'The .docx file unpacks to more than 50 MB; at most 50 MB of content is read',
        'Tệp .docx khi giải nén vượt quá 50 MB; chỉ đọc tối đa 50 MB nội dung',
      ],
      [
        { name: 'maxEntries', limit: 2_000, value: 12_345 },
        'The .docx file holds 12,345 parts; at most 2,000 are read',
        'Tệp .docx có 12.345 thành phần; tối đa 2.000 thành phần',
      ],
      [
        { name: 'maxPages', limit: 500, value: 1_200 },
        'The .pdf file has 1,200 pages; at most 500 are read',
        'Tệp .pdf có 1.200 trang; tối đa 500 trang',
      ],
      [
        { name: 'maxTextChars', limit: 2_000_000, value: 2_500_000 },
        "The document's text is 2,500,000 characters long; at most 2,000,000 characters are read",
        'Nội dung văn bản dài 2.500.000 ký tự; tối đa 2.000.000 ký tự',
      ],
      [
        { name: 'heapMb', limit: 512, value: null, atLeast: true },
        'Reading the document needed more than 512 MB of memory; at most 512 MB is allowed',
        'Đọc văn bản cần quá 512 MB bộ nhớ; tối đa 512 MB',
      ],
      [
        { name: 'fileBytes', limit: 20 * MB, value: 25.5 * MB },
        'The file is 25.5 MB; at most 20 MB is accepted',
        'Tệp có dung lượng 25,5 MB; tối đa 20 MB',
      ],
    ];
    for (const [limit, en, vi] of cases) {
      const error = tooLarge(limit);
      expect(error.code).toBe(DomainErrorCode.BAD_USER_INPUT);
      expect(error.messages).toEqual({ en, vi });
      expect(error.details).toEqual({
        field: 'fileBase64',
        reason: 'DOCUMENT_TOO_LARGE',
        limitName: limit?.name,
        limit: limit?.limit,
        value: limit?.value,
      });
    }
  });

  it('a read past its time budget is TIMEOUT, naming the budget', () => {
    const error = documentReadError(
      new IngestionException(IngestionExceptionCode.TIMEOUT, 'English line', {
        name: 'seconds',
        limit: 20,
        value: null,
        atLeast: true,
      }),
      'text',
    );
    expect(error.code).toBe(DomainErrorCode.TIMEOUT);
    expect(error.messages).toEqual({
      en: 'Reading the document took longer than 20 s and was stopped',
      vi: 'Đọc văn bản mất quá 20 giây nên đã dừng',
    });
  });

  it('a full queue is TOO_MANY_REQUESTS; other problems stay BAD_USER_INPUT with the reader’s words', () => {
    expect(documentReadError(new IngestionException(IngestionExceptionCode.BUSY, 'busy'), 'text').code).toBe(
      DomainErrorCode.TOO_MANY_REQUESTS,
    );
    const empty = documentReadError(
      new IngestionException(IngestionExceptionCode.EMPTY, 'The document is empty.'),
      'text',
    );
    expect(empty.code).toBe(DomainErrorCode.BAD_USER_INPUT);
    expect(empty.messages).toEqual({ en: 'The document is empty.', vi: 'Văn bản trống' });
  });
});
