import { snakeCase } from './snake-naming.strategy.js';

describe('snakeCase', () => {
  it.each([
    ['dueDate', 'due_date'],
    ['baselineDueDate', 'baseline_due_date'],
    ['organizationId', 'organization_id'],
    ['HTMLBody', 'html_body'],
    ['percent2Complete', 'percent2_complete'],
    ['id', 'id'],
  ])('turns %s into %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });
});
