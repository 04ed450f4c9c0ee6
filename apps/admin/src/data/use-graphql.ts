import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { graphqlRequest } from '../providers';

/**
 * A GraphQL query through react-admin's own react-query client: cached under `key`,
 * refetched on focus, invalidated with `useInvalidateGraphql`.
 */
export function useGraphqlQuery<T>(
  key: readonly unknown[],
  query: string,
  variables: Record<string, unknown> = {},
  options: Omit<UseQueryOptions<T>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<T>({
    queryKey: ['graphql', ...key, variables],
    queryFn: () => graphqlRequest<T>(query, variables),
    ...options,
  });
}

/** A GraphQL mutation; the caller shows errors (a conflict is explained, not toasted). */
export function useGraphqlMutation<T, V extends Record<string, unknown>>(mutation: string) {
  return useMutation<T, unknown, V>({ mutationFn: (variables) => graphqlRequest<T>(mutation, variables) });
}

/** Drops every cached GraphQL answer and react-admin list, so screens read again. */
export function useInvalidateGraphql() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
