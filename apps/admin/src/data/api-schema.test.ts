import { describe, expect, it } from 'vitest';

import { apiSchema } from './api-schema';

describe('apiSchema', () => {
  it('describes the API without asking it: the lists react-admin reads are there', () => {
    const schema = apiSchema();
    expect(schema.queryType.name).toBe('Query');
    const query = schema.types.find((type) => type.name === 'Query');
    const fields = query && 'fields' in query ? query.fields.map((field) => field.name) : [];
    expect(fields).toEqual(expect.arrayContaining(['allAssignments', '_allAssignmentsMeta', 'Assignment']));
  });
});
