import {
  type DocumentLimitDetails,
  type IngestionException,
  IngestionExceptionCode,
} from '@dondoc/ingestion';
import { DomainErrorCode, DomainException, type LocalizedMessage } from '@dondoc/platform';

const en = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const vi = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const mb = (bytes: number) => bytes / 1_048_576;

/**
 * A document the reader refused, as the caller should hear it: a limit names itself and its
 * value in both languages (details: `reason`, `limitName`, `limit`, `value`), a time budget
 * that ran out is TIMEOUT, a full queue TOO_MANY_REQUESTS, anything else BAD_USER_INPUT.
 */
export function documentReadError(error: IngestionException, field: string): DomainException {
  const limit = error.limit;
  if (error.code === IngestionExceptionCode.TIMEOUT && limit) {
    return new DomainException(
      DomainErrorCode.TIMEOUT,
      {
        en: `Reading the document took longer than ${en(limit.limit)} s and was stopped`,
        vi: `Đọc văn bản mất quá ${vi(limit.limit)} giây nên đã dừng`,
      },
      { field, reason: 'DOCUMENT_READ_TIMEOUT', limitName: limit.name, limit: limit.limit, value: null },
    );
  }
  if (error.code === IngestionExceptionCode.BUSY) {
    return new DomainException(
      DomainErrorCode.TOO_MANY_REQUESTS,
      {
        en: 'Too many documents are being read right now; try again in a moment',
        vi: 'Đang có quá nhiều văn bản cần đọc; vui lòng thử lại sau ít phút',
      },
      { field, reason: 'DOCUMENT_READER_BUSY' },
    );
  }
  if (error.code === IngestionExceptionCode.TOO_LARGE && limit) {
    return new DomainException(DomainErrorCode.BAD_USER_INPUT, limitMessage(limit), {
      field,
      reason: 'DOCUMENT_TOO_LARGE',
      limitName: limit.name,
      limit: limit.limit,
      value: limit.value,
    });
  }
  return new DomainException(
    DomainErrorCode.BAD_USER_INPUT,
    { en: error.message, vi: vietnameseReadError(error) },
    { field },
  );
}

function limitMessage(limit: DocumentLimitDetails): LocalizedMessage {
  const { limit: max, value } = limit;
  switch (limit.name) {
    case 'fileBytes':
      return {
        en: `The file is ${en(mb(value ?? 0))} MB; at most ${en(mb(max))} MB is accepted`,
        vi: `Tệp có dung lượng ${vi(mb(value ?? 0))} MB; tối đa ${vi(mb(max))} MB`,
      };
    case 'maxInflatedBytes':
      return {
        en: `The .docx file unpacks to more than ${en(mb(max))} MB; at most ${en(mb(max))} MB of content is read`,
        vi: `Tệp .docx khi giải nén vượt quá ${vi(mb(max))} MB; chỉ đọc tối đa ${vi(mb(max))} MB nội dung`,
      };
    case 'maxEntryBytes':
      return {
        en: `A part of the .docx file (${limit.entry ?? '?'}) unpacks to more than ${en(mb(max))} MB; at most ${en(mb(max))} MB per part is read`,
        vi: `Một thành phần của tệp .docx (${limit.entry ?? '?'}) khi giải nén vượt quá ${vi(mb(max))} MB; mỗi thành phần tối đa ${vi(mb(max))} MB`,
      };
    case 'maxEntries':
      return {
        en: `The .docx file holds ${en(value ?? 0)} parts; at most ${en(max)} are read`,
        vi: `Tệp .docx có ${vi(value ?? 0)} thành phần; tối đa ${vi(max)} thành phần`,
      };
    case 'maxPages':
      return {
        en: `The .pdf file has ${en(value ?? 0)} pages; at most ${en(max)} are read`,
        vi: `Tệp .pdf có ${vi(value ?? 0)} trang; tối đa ${vi(max)} trang`,
      };
    case 'maxTextChars':
      return {
        en: `The document's text is ${en(value ?? 0)} characters long; at most ${en(max)} characters are read`,
        vi: `Nội dung văn bản dài ${vi(value ?? 0)} ký tự; tối đa ${vi(max)} ký tự`,
      };
    case 'heapMb':
      return {
        en: `Reading the document needed more than ${en(max)} MB of memory; at most ${en(max)} MB is allowed`,
        vi: `Đọc văn bản cần quá ${vi(max)} MB bộ nhớ; tối đa ${vi(max)} MB`,
      };
    case 'seconds':
      return {
        en: `Reading the document took longer than ${en(max)} s`,
        vi: `Đọc văn bản mất quá ${vi(max)} giây`,
      };
  }
}

function vietnameseReadError(error: IngestionException): string {
  switch (error.code) {
    case 'EMPTY':
      return 'Văn bản trống';
    case 'BINARY':
      return 'Tệp không phải văn bản (dữ liệu nhị phân hoặc mã hóa không hợp lệ)';
    case 'UNSUPPORTED_TYPE':
      return 'Loại tệp không được hỗ trợ: dùng .txt, .docx hoặc .pdf';
    case 'TOO_LARGE':
      return 'Tệp quá lớn (tối đa 20 MB)';
    case 'UNREADABLE':
      return `Không đọc được tệp: ${error.message}`;
    case 'TIMEOUT':
      return 'Đọc văn bản mất quá nhiều thời gian nên đã dừng';
    case 'BUSY':
      return 'Đang có quá nhiều văn bản cần đọc; vui lòng thử lại sau';
  }
}
