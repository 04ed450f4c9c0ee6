import { limitDescription, textTooLongMessage } from './text-limits.js';

describe('text limit messages', () => {
  it('name the field and the limit, with each language’s thousands separator', () => {
    expect(textTooLongMessage('summary', 4_000)).toEqual({
      en: 'summary must be at most 4,000 characters',
      vi: 'summary chỉ được dài tối đa 4.000 ký tự',
    });
    expect(limitDescription(20_000)).toBe('At most 20,000 characters.');
  });
});
