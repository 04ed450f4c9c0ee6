import { formatOutlineTree } from './outline-tree.js';
import { parseText } from './parse-text.js';

describe('the readable outline tree', () => {
  it('shows the header, the outline with the tasks section starred, the tasks and their suggestions', () => {
    const text = [
      'TỈNH ỦY KON TUM',
      '*',
      'Số 5-KH/TU',
      'Kon Tum, ngày 02 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'về công tác dân vận',
      '-----',
      'I. MỤC ĐÍCH',
      'Nâng cao nhận thức.',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Ủy ban nhân dân tỉnh chỉ đạo cải cách hành chính; hoàn thành trong quý II/2026.',
    ].join('\n');
    const tree = formatOutlineTree(parseText(text));
    expect(tree).toContain('Number     5-KH/TU');
    expect(tree).toContain('  ★ II NHIỆM VỤ, GIẢI PHÁP');
    expect(tree).not.toContain('★ I MỤC ĐÍCH');
    expect(tree).toMatch(/1 {2}1\. Ủy ban nhân dân tỉnh .* \[due 2026-06-30\]/);
    expect(tree).toContain('→ LEAD       Ủy ban nhân dân tỉnh');
  });

  it('says so when it finds no tasks', () => {
    expect(formatOutlineTree(parseText('Một đoạn văn.'))).toContain('Tasks: none found');
  });
});
