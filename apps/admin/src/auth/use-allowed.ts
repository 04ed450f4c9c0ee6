import { useQuery } from '@tanstack/react-query';
import { useAuthProvider } from 'react-admin';

/**
 * Which of a resource's actions the signed-in user may take, asked of the auth provider's
 * canAccess (the server's permission map) in one go. Nothing is allowed until it answers.
 */
export function useAllowed<A extends string>(resource: string, actions: readonly A[]): Record<A, boolean> {
  const authProvider = useAuthProvider();
  const { data } = useQuery({
    queryKey: ['allowed', resource, actions],
    queryFn: async () => {
      const answers = await Promise.all(
        actions.map(
          async (action) =>
            [action, (await authProvider?.canAccess?.({ resource, action })) ?? false] as const,
        ),
      );
      return Object.fromEntries(answers) as Record<A, boolean>;
    },
    staleTime: 5 * 60_000,
  });
  return data ?? (Object.fromEntries(actions.map((action) => [action, false])) as Record<A, boolean>);
}
