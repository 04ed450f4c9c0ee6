import { GraphqlRequestError } from './graphql-client';

interface ErrorDetails {
  code: string | undefined;
  message: string;
  extensions: Record<string, unknown>;
}

/**
 * The first GraphQL error in any of the shapes the console meets: our client's
 * GraphqlRequestError, an Apollo error (graphQLErrors), or react-admin's HttpError whose
 * body is the Apollo error. The server puts its code and details in `extensions`
 * (apps/api/src/common/graphql-error.filter.ts).
 */
export function errorDetails(error: unknown): ErrorDetails {
  if (error instanceof GraphqlRequestError) {
    return { code: error.code, message: error.message, extensions: error.extensions };
  }
  if (typeof error === 'object' && error !== null) {
    const candidate = error as {
      message?: unknown;
      graphQLErrors?: unknown;
      body?: { graphQLErrors?: unknown } | null;
    };
    const list = candidate.graphQLErrors ?? candidate.body?.graphQLErrors;
    const first = Array.isArray(list)
      ? (list[0] as { message?: unknown; extensions?: unknown } | undefined)
      : undefined;
    if (first) {
      const extensions =
        typeof first.extensions === 'object' && first.extensions !== null
          ? (first.extensions as Record<string, unknown>)
          : {};
      return {
        code: typeof extensions.code === 'string' ? extensions.code : undefined,
        message: typeof first.message === 'string' ? first.message : '',
        extensions,
      };
    }
    return {
      code: undefined,
      message: typeof candidate.message === 'string' ? candidate.message : '',
      extensions: {},
    };
  }
  return { code: undefined, message: String(error), extensions: {} };
}

export interface VersionConflict {
  /** The version the server holds now, when it named one. */
  currentVersion: number | null;
  /** The version this screen sent. */
  expectedVersion: number | null;
  /** The server's own sentence, in the caller's language. */
  message: string;
}

/**
 * A CONFLICT answer: someone changed the record since this screen read it (the server
 * names the current version), or the record moved to a state that refuses the action.
 * Null for any other error.
 */
export function parseConflict(error: unknown): VersionConflict | null {
  const { code, message, extensions } = errorDetails(error);
  if (code !== 'CONFLICT') return null;
  const version = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  return {
    currentVersion: version(extensions.currentVersion),
    expectedVersion: version(extensions.expectedVersion),
    message,
  };
}
