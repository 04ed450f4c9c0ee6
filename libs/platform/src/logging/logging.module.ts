import { randomUUID } from 'node:crypto';

import { type DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

import type { LogLevel } from '../config/app-config.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Structured JSON logs (pino). Every line written while serving a request carries its
 * `reqId`: the caller's `X-Request-Id` when it is sane, otherwise a new UUID, echoed back.
 */
@Module({})
export class LoggingModule {
  static forRoot(level: LogLevel, app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { app },
            genReqId: (request: IncomingMessage, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') === true },
            // One short line per request: who asked what, how it ended, how long it took.
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
