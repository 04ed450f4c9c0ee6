import { detectCadence, detectDueDate } from './cadence.js';

describe('cadence', () => {
  it.each([
    ['Thường xuyên tuyên truyền', 'CONTINUOUS'],
    ['báo cáo kết quả hằng năm', 'YEARLY'],
    ['báo cáo hàng năm', 'YEARLY'],
    ['định kỳ hằng quý tổ chức đối thoại', 'QUARTERLY'],
    ['báo cáo 6 tháng một lần', 'HALF_YEARLY'],
    ['sơ kết sáu tháng', 'HALF_YEARLY'],
    ['giao ban hằng tháng', 'MONTHLY'],
    ['thường xuyên kiểm tra và báo cáo hằng quý', 'QUARTERLY'],
    ['Tiếp tục quán triệt', null],
    ['trong 6 tháng đầu năm 2026', null],
  ])('%j → %s', (text, cadence) => {
    expect(detectCadence(text)).toBe(cadence);
  });
});

describe('due dates', () => {
  it.each([
    ['hoàn thành trước ngày 30/6/2026', '2026-06-30'],
    ['trước ngày 15-12-2026 báo cáo', '2026-12-15'],
    ['chậm nhất ngày 05 tháng 01 năm 2027', '2027-01-05'],
    ['hoàn thành trong quý III/2026', '2026-09-30'],
    ['trong quý I năm 2027', '2027-03-31'],
    ['xong trong tháng 9/2026', '2026-09-30'],
    ['trong tháng 02 năm 2028', '2028-02-29'],
    ['hoàn thành trong năm 2027', '2027-12-31'],
    ['sơ kết vào năm 2027', '2027-12-31'],
    ['đến năm 2030, đạt 100%', '2030-12-31'],
    ['tổng kết 6 tháng đầu năm 2026', '2026-06-30'],
  ])('%j → %s', (text, due) => {
    expect(detectDueDate(text)).toBe(due);
  });

  it.each([
    'Nghị quyết số 25-NQ/TW, ngày 03-6-2013 của Ban Chấp hành Trung ương',
    'Tổ chức tuyên truyền Hiến pháp năm 2013',
    'ngày 13 tháng 5 năm 2019 của Tỉnh ủy',
    'trước ngày 31/02/2026',
    'Thường xuyên tuyên truyền',
  ])('finds no deadline in %j', (text) => {
    expect(detectDueDate(text)).toBeNull();
  });
});

describe('due dates standing alone', () => {
  it.each([
    ['Tháng 9/2026: tổ chức sơ kết', '2026-09-30'],
    ['tổ chức sơ kết (tháng 9/2026)', '2026-09-30'],
    ['tổ chức sơ kết (năm 2026)', '2026-12-31'],
  ])('%j → %s', (text, due) => {
    expect(detectDueDate(text)).toBe(due);
  });
});
