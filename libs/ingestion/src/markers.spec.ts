import { parseMarker } from './markers.js';

describe('numbering marks', () => {
  it.each([
    ['I. TÌNH HÌNH', 'section', 'I'],
    ['IV- NHIỆM VỤ', 'section', 'IV'],
    ['XII. KIẾN NGHỊ', 'section', 'XII'],
    ['PHẦN THỨ HAI', 'part', 'THỨ HAI'],
    ['Phần I. KẾT QUẢ', 'part', 'I'],
    ['A- SỰ CẦN THIẾT', 'part', 'A'],
    ['C- PHÂN CÔNG NHIỆM VỤ', 'part', 'C'],
    ['1. Công tác', 'item', '1'],
    ['2- Đổi mới', 'item', '2'],
    ['3) Kiểm tra', 'item', '3'],
    ['(4) Báo cáo', 'item', '4'],
    ['Điều 2. Giao', 'item', '2'],
    ['1.1. Ban Tuyên giáo', 'subitem', '1.1'],
    ['2.1- Ủy ban', 'subitem', '2.1'],
    ['1.2.3. Chi tiết', 'subitem', '1.2.3'],
    ['a) Tổ chức', 'letter', 'a'],
    ['đ) Củng cố', 'letter', 'đ'],
    ['- Nhận thức', 'bullet', '-'],
    ['– Nhận thức', 'bullet', '-'],
    ['+ Chi tiết', 'bullet', '+'],
  ])('reads %j as a %s labelled %j', (text, kind, label) => {
    expect(parseMarker(text)).toMatchObject({ kind, label });
  });

  it('orders the ranks from parts to bullets', () => {
    const rank = (t: string) => parseMarker(t)?.rank ?? -1;
    const order = ['A- X', 'I. X', '1. X', '1.1. X', '1.1.1. X', 'a) X', '- X', '+ X'].map(rank);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it.each([
    '10 năm thực hiện',
    '1.804 lượt tập thể',
    '2019-2020 là',
    'C. là',
    'Dân vận',
    '-----',
    'f) không phải chữ cái tiếng Việt',
    '1.',
    'V/v tăng cường',
    'A Pớt',
    'Ia H’Drai',
  ])('does not read %j as numbered', (text) => {
    expect(parseMarker(text)).toBeNull();
  });
});
