import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import type { Response } from 'express';

import { contentDisposition, ExportsService } from '@dondoc/exports';
import { AuthService } from '@dondoc/identity';
import { AppConfig, databaseFailureAsDomainError, DomainErrorCode, DomainException } from '@dondoc/platform';

const STATUS: Partial<Record<DomainErrorCode, number>> = {
  [DomainErrorCode.NOT_FOUND]: 404,
  [DomainErrorCode.CONFLICT]: 409,
  [DomainErrorCode.BAD_USER_INPUT]: 400,
  [DomainErrorCode.TIMEOUT]: 503,
  [DomainErrorCode.UNAVAILABLE]: 503,
};

/**
 * Downloads an export's file with the same bearer token as GraphQL. Only the person who
 * asked for it may: anyone else gets 404, as if it did not exist. Not ready yet: 409.
 */
@Controller('exports')
export class ExportFileController {
  constructor(
    private readonly auth: AuthService,
    private readonly exports: ExportsService,
    private readonly config: AppConfig,
  ) {}

  @Get(':id/file')
  async file(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const caller = token ? await this.auth.authenticate(token) : null;
    if (!caller) {
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .type('text/plain; charset=utf-8')
        .send('Vui lòng đăng nhập: cần mã truy cập (Authorization: Bearer …)');
      return;
    }
    try {
      const file = await this.exports.file(caller.userId, id);
      response
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': contentDisposition(file.fileName),
          'Content-Length': String(file.content.length),
          'Cache-Control': 'private, no-store',
          'X-Content-Type-Options': 'nosniff',
        })
        .end(file.content);
    } catch (error) {
      const known =
        error instanceof DomainException
          ? error
          : databaseFailureAsDomainError(error, this.config.statementTimeoutMs);
      if (!known || !STATUS[known.code]) throw error;
      response
        .status(STATUS[known.code]!)
        .type('text/plain; charset=utf-8')
        .send(known.messageIn(caller.locale));
    }
  }
}
