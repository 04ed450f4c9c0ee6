import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

import type { LocalizedMessage } from '@dondoc/platform';

/**
 * The global ValidationPipe's answer: the English lines as Nest writes them (`filter.q must
 * be …`), plus the Vietnamese ones where a check carries its own vi/en message in its
 * context (BoundedText does), so the error filter can answer in the caller's language.
 */
export function validationException(errors: ValidationError[]): BadRequestException {
  const lines = errors.flatMap((error) => linesOf(error, ''));
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: lines.map((line) => line.en),
    messageVi: lines.map((line) => line.vi),
  });
}

function linesOf(error: ValidationError, parentPath: string): LocalizedMessage[] {
  const prefix = parentPath ? `${parentPath}.` : '';
  const own = Object.entries(error.constraints ?? {}).map(([name, english]) => {
    const localized = error.contexts?.[name] as Partial<LocalizedMessage> | undefined;
    return {
      en: prefix + (localized?.en ?? english),
      vi: prefix + (localized?.vi ?? english),
    };
  });
  const children = (error.children ?? []).flatMap((child) => linesOf(child, prefix + error.property));
  return [...own, ...children];
}
