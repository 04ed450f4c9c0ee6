import { routeLabel } from './http-metrics.middleware.js';

describe('routeLabel', () => {
  it('keeps label cardinality small', () => {
    expect(routeLabel('/graphql?x=1')).toBe('/graphql');
    expect(routeLabel('/exports/8c0f2a1e-1111-4222-8333-944445555666/file')).toBe('/exports/:id/file');
    expect(routeLabel('/admin/assets/index-abc.js')).toBe('/admin/*');
    expect(routeLabel('/health/ready')).toBe('/health/ready');
  });
});
