import type { GraphQLFormattedError } from 'graphql';

import { outgoingErrorsPlugin } from './outgoing-errors.plugin.js';

/** What the plugin leaves of a response's errors, for a caller of the given language. */
async function sent(
  errors: GraphQLFormattedError[],
  acceptLanguage?: string,
): Promise<GraphQLFormattedError[]> {
  const plugin = outgoingErrorsPlugin({ hideSuggestions: true });
  const listener = await plugin.requestDidStart!({} as never);
  const response = { body: { kind: 'single', singleResult: { errors } } };
  const contextValue = { req: { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} } };
  await listener!.willSendResponse!({ response, contextValue } as never);
  return response.body.singleResult.errors;
}

describe('outgoingErrorsPlugin', () => {
  it('replaces whatever escaped as an internal error with the generic words, keeping the path', async () => {
    const [error] = await sent([
      {
        message: 'relation "users" does not exist at /work/main/libs/x.ts:12',
        path: ['Inspection', 'assignment'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
    ]);
    expect(error).toEqual({
      message: 'Lỗi hệ thống',
      path: ['Inspection', 'assignment'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('treats an error without a code as internal too, in English for an English caller', async () => {
    const [error] = await sent([{ message: 'Cannot read properties of undefined' }], 'en');
    expect(error).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('calls graphql-js giving up on too many bad variable values what it is: bad input', async () => {
    const [error] = await sent(
      [{ message: 'Too many errors processing variables, error limit reached. Execution aborted.' }],
      'en',
    );
    expect(error).toEqual({
      message: 'Too many invalid values in the request variables (stopped after 50 errors)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('leaves the errors the caller can act on as they are', async () => {
    const mine = { message: 'Không tìm thấy', extensions: { code: 'NOT_FOUND', id: 'x' } };
    expect(await sent([mine])).toEqual([mine]);
  });

  it('takes graphql-js guesses out and keeps every message short', async () => {
    const [guessed, huge] = await sent([
      {
        message: 'Cannot query field "allUser" on type "Query". Did you mean "allUsers"?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      {
        message: `Variable "$d" got invalid value "${'9'.repeat(5_000)}"`,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(guessed?.message).toBe('Cannot query field "allUser" on type "Query".');
    expect(huge?.message.length).toBe(1_001);
    expect(huge?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
