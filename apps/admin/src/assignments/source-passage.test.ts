import { describe, expect, it } from 'vitest';
import { sourcePassage } from './source-passage';

const text =
  'IV. NHIỆM VỤ, GIẢI PHÁP\n1. Tiếp tục đổi mới nội dung. Các cấp ủy chỉ đạo.\n2. Nâng cao chất lượng.';

describe('the source passage of a task', () => {
  it('shows the span with the rest of its paragraph, cut at line breaks', () => {
    const start = text.indexOf('Các cấp ủy');
    const passage = sourcePassage(text, start, start + 'Các cấp ủy chỉ đạo.'.length);
    expect(passage).toEqual({
      before: '1. Tiếp tục đổi mới nội dung. ',
      passage: 'Các cấp ủy chỉ đạo.',
      after: '',
    });
  });

  it('marks text left out with an ellipsis', () => {
    const long = `${'a'.repeat(50)}TASK${'b'.repeat(50)}`;
    expect(sourcePassage(long, 50, 54, 10)).toEqual({
      before: `…${'a'.repeat(10)}`,
      passage: 'TASK',
      after: `${'b'.repeat(10)}…`,
    });
  });

  it('gives nothing for a task without a span, or a span beyond the text', () => {
    expect(sourcePassage(text, null, null)).toBeNull();
    expect(sourcePassage(text, 5, text.length + 1)).toBeNull();
  });
});
