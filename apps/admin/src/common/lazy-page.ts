import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * A page whose code loads when it is first shown (its own chunk), so a cold load parses only
 * the pages of its first screen; react-admin's layout shows its spinner meanwhile (Suspense).
 */
// The pages take any props (react-admin passes none to most): what React.lazy accepts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyPage<K extends string, M extends { [key in K]: ComponentType<any> }>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
