import { routeLabel, UNMATCHED_ROUTE } from './http-metrics.middleware.js';

describe('routeLabel', () => {
  it('names the route that answered, not the path asked for', () => {
    const exportId = '8c0f2a1e-1111-4222-8333-944445555666';
    expect(
      routeLabel({ originalUrl: `/exports/${exportId}/file`, route: { path: '/exports/:id/file' } }),
    ).toBe('/exports/:id/file');
    expect(routeLabel({ originalUrl: '/health/ready?x=1', route: { path: '/health/ready' } })).toBe(
      '/health/ready',
    );
    expect(routeLabel({ originalUrl: '/graphql?x=1' })).toBe('/graphql');
  });

  it('gives each mount one label, whatever lies under it', () => {
    expect(routeLabel({ originalUrl: '/admin/assets/index-abc.js' })).toBe('/admin');
    expect(routeLabel({ originalUrl: '/admin/' })).toBe('/admin');
    expect(routeLabel({ originalUrl: '/admin/queues/api/queues', route: { path: '/api/queues' } })).toBe(
      '/admin/queues',
    );
  });

  it('folds every path no route answered into one label', () => {
    for (const path of ['/random-1', '/exports/x/y/z', '/graphql/extra', '/administrator', '/'])
      expect(routeLabel({ originalUrl: path })).toBe(UNMATCHED_ROUTE);
    // Nest's middleware is mounted as catch-all routes, which Express records as matched.
    expect(routeLabel({ originalUrl: '/random-2', route: { path: '{/*splat}' } })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ originalUrl: '/graphql', route: { path: '/graphql{/*splat}' } })).toBe('/graphql');
  });
});
