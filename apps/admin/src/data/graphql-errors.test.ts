import { describe, expect, it } from 'vitest';
import { GraphqlRequestError } from './graphql-client';
import { errorDetails, parseConflict } from './graphql-errors';

const staleMessage = 'Nhiệm vụ đã được cập nhật sau khi bạn mở (phiên bản của bạn 3, phiên bản hiện tại 4)';

describe('reading the server errors', () => {
  it('reads a stale-version conflict from our client, naming both versions', () => {
    const error = new GraphqlRequestError(staleMessage, {
      code: 'CONFLICT',
      currentVersion: 4,
      expectedVersion: 3,
    });
    expect(parseConflict(error)).toEqual({ currentVersion: 4, expectedVersion: 3, message: staleMessage });
  });

  it('reads the same conflict through react-admin (HttpError body = Apollo error)', () => {
    const error = {
      status: 200,
      message: staleMessage,
      body: {
        graphQLErrors: [
          { message: staleMessage, extensions: { code: 'CONFLICT', currentVersion: 7, expectedVersion: 6 } },
        ],
      },
    };
    expect(parseConflict(error)).toMatchObject({ currentVersion: 7, expectedVersion: 6 });
  });

  it('a conflict without versions (the status moved on) is still a conflict', () => {
    const error = {
      graphQLErrors: [
        { message: 'Không thể gửi báo cáo', extensions: { code: 'CONFLICT', status: 'COMPLETED' } },
      ],
    };
    expect(parseConflict(error)).toEqual({
      currentVersion: null,
      expectedVersion: null,
      message: 'Không thể gửi báo cáo',
    });
  });

  it('anything else is not a conflict', () => {
    expect(parseConflict(new GraphqlRequestError('Forbidden', { code: 'FORBIDDEN' }))).toBeNull();
    expect(parseConflict(new Error('boom'))).toBeNull();
    expect(parseConflict(null)).toBeNull();
    expect(errorDetails(new GraphqlRequestError('Bad', { code: 'BAD_USER_INPUT', field: 'period' }))).toEqual(
      {
        code: 'BAD_USER_INPUT',
        message: 'Bad',
        extensions: { code: 'BAD_USER_INPUT', field: 'period' },
      },
    );
  });
});
