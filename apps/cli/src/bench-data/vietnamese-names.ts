import type { SeededRandom } from './seeded-random.js';

/** A province-level unit after the reorganization of 1 July 2025 (34 of them). */
export interface ProvinceName {
  /** ASCII, for keys and logins. */
  slug: string;
  name: string;
  /** Centrally governed cities have a Thành ủy and wards; the others a Tỉnh ủy and communes. */
  city: boolean;
}

/** The 34 provinces and centrally governed cities from 1 July 2025 (Resolution 202/2025/QH15). */
export const PROVINCES_2025: readonly ProvinceName[] = [
  { slug: 'ha-noi', name: 'Hà Nội', city: true },
  { slug: 'hue', name: 'Huế', city: true },
  { slug: 'lai-chau', name: 'Lai Châu', city: false },
  { slug: 'dien-bien', name: 'Điện Biên', city: false },
  { slug: 'son-la', name: 'Sơn La', city: false },
  { slug: 'lang-son', name: 'Lạng Sơn', city: false },
  { slug: 'quang-ninh', name: 'Quảng Ninh', city: false },
  { slug: 'thanh-hoa', name: 'Thanh Hóa', city: false },
  { slug: 'nghe-an', name: 'Nghệ An', city: false },
  { slug: 'ha-tinh', name: 'Hà Tĩnh', city: false },
  { slug: 'cao-bang', name: 'Cao Bằng', city: false },
  { slug: 'tuyen-quang', name: 'Tuyên Quang', city: false },
  { slug: 'lao-cai', name: 'Lào Cai', city: false },
  { slug: 'thai-nguyen', name: 'Thái Nguyên', city: false },
  { slug: 'phu-tho', name: 'Phú Thọ', city: false },
  { slug: 'bac-ninh', name: 'Bắc Ninh', city: false },
  { slug: 'hung-yen', name: 'Hưng Yên', city: false },
  { slug: 'hai-phong', name: 'Hải Phòng', city: true },
  { slug: 'ninh-binh', name: 'Ninh Bình', city: false },
  { slug: 'quang-tri', name: 'Quảng Trị', city: false },
  { slug: 'da-nang', name: 'Đà Nẵng', city: true },
  { slug: 'quang-ngai', name: 'Quảng Ngãi', city: false },
  { slug: 'gia-lai', name: 'Gia Lai', city: false },
  { slug: 'khanh-hoa', name: 'Khánh Hòa', city: false },
  { slug: 'lam-dong', name: 'Lâm Đồng', city: false },
  { slug: 'dak-lak', name: 'Đắk Lắk', city: false },
  { slug: 'ho-chi-minh', name: 'Hồ Chí Minh', city: true },
  { slug: 'dong-nai', name: 'Đồng Nai', city: false },
  { slug: 'tay-ninh', name: 'Tây Ninh', city: false },
  { slug: 'can-tho', name: 'Cần Thơ', city: true },
  { slug: 'vinh-long', name: 'Vĩnh Long', city: false },
  { slug: 'dong-thap', name: 'Đồng Tháp', city: false },
  { slug: 'ca-mau', name: 'Cà Mau', city: false },
  { slug: 'an-giang', name: 'An Giang', city: false },
];

// Syllables that commune names are commonly made of (Hán-Việt words of good omen and places).
const FIRST = [
  'Tân',
  'An',
  'Bình',
  'Phú',
  'Hòa',
  'Long',
  'Thạnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Vĩnh',
  'Hưng',
  'Quang',
  'Minh',
  'Thái',
  'Phước',
  'Mỹ',
  'Thuận',
  'Trung',
  'Hiệp',
  'Đức',
  'Kim',
  'Ngọc',
  'Hồng',
  'Thanh',
  'Xuân',
  'Hải',
  'Sơn',
  'Lộc',
  'Gia',
  'Định',
  'Cẩm',
  'Quỳnh',
  'Yên',
  'Hoàng',
  'Nghĩa',
  'Đại',
];
const SECOND = [
  'Phú',
  'Hòa',
  'Lợi',
  'Thành',
  'An',
  'Bình',
  'Hưng',
  'Lộc',
  'Thịnh',
  'Tiến',
  'Phong',
  'Yên',
  'Khánh',
  'Lạc',
  'Điền',
  'Mỹ',
  'Thuận',
  'Trung',
  'Đông',
  'Tây',
  'Sơn',
  'Hà',
  'Lâm',
  'Xuân',
  'Phước',
  'Hiệp',
  'Nghĩa',
  'Quý',
  'Tân',
  'Long',
  'Hải',
  'Vinh',
  'Cường',
  'Đạt',
  'Châu',
  'Ninh',
  'Tường',
  'Thọ',
];

/** Distinct believable commune (or ward) names for one province, e.g. "Tân Phú", "Hòa Lợi 2". */
export function communeNames(random: SeededRandom, count: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  while (names.length < count) {
    const first = random.pick(FIRST);
    const second = random.pick(SECOND);
    if (first === second) continue;
    let name = `${first} ${second}`;
    // Past about a thousand pairs per province names repeat; real gazetteers number them then.
    for (let n = 2; used.has(name); n++) name = `${first} ${second} ${n}`;
    used.add(name);
    names.push(name);
  }
  return names;
}

/** Phrases of which task texts are made (the tasks section of a Party document). */
export const TASK_OPENINGS = [
  'Tăng cường công tác dân vận trong',
  'Nâng cao chất lượng, hiệu quả',
  'Đẩy mạnh tuyên truyền, phổ biến',
  'Tiếp tục đổi mới nội dung, phương thức',
  'Kiện toàn tổ chức bộ máy và',
  'Tập trung lãnh đạo, chỉ đạo',
  'Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong',
  'Thực hiện có hiệu quả phong trào thi đua',
  'Rà soát, sửa đổi, bổ sung quy chế',
  'Kiểm tra, giám sát việc thực hiện',
];
export const TASK_SUBJECTS = [
  'xây dựng nông thôn mới',
  'cải cách hành chính, chuyển đổi số',
  'bảo vệ môi trường và ứng phó biến đổi khí hậu',
  'giảm nghèo bền vững',
  'phòng, chống tham nhũng, lãng phí',
  'công tác dân vận của chính quyền các cấp',
  'xây dựng hệ thống chính trị ở cơ sở',
  'phát triển kinh tế tập thể, hợp tác xã',
  'chăm sóc sức khỏe Nhân dân',
  'bảo đảm quốc phòng, an ninh trên địa bàn',
  'công tác cán bộ và bảo vệ chính trị nội bộ',
  'thực hiện quy chế dân chủ ở cơ sở',
];
export const TASK_ENDINGS = [
  'giai đoạn 2025 - 2030.',
  'theo tinh thần Nghị quyết Đại hội Đảng bộ tỉnh.',
  'gắn với sắp xếp tổ chức bộ máy tinh gọn.',
  'bảo đảm thực chất, hiệu quả.',
  'và định kỳ báo cáo kết quả về Ban Thường vụ.',
];

export const DOCUMENT_KINDS: readonly { symbol: string; type: string; title: string }[] = [
  { symbol: 'KL', type: 'KẾT LUẬN', title: 'Kết luận của Ban Thường vụ về' },
  { symbol: 'NQ', type: 'NGHỊ QUYẾT', title: 'Nghị quyết về' },
  { symbol: 'CT', type: 'CHỈ THỊ', title: 'Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với' },
  { symbol: 'KH', type: 'KẾ HOẠCH', title: 'Kế hoạch thực hiện' },
  { symbol: 'CTr', type: 'CHƯƠNG TRÌNH', title: 'Chương trình hành động về' },
];

export const REPORT_RESULTS = [
  'Đã tổ chức quán triệt đến cán bộ, đảng viên và Nhân dân.',
  'Đã ban hành kế hoạch triển khai và phân công nhiệm vụ cụ thể.',
  'Tổ chức hội nghị sơ kết, đánh giá kết quả thực hiện.',
  'Hoàn thành các chỉ tiêu đề ra trong kỳ.',
];
export const REPORT_DIFFICULTIES = [
  '',
  'Kinh phí thực hiện còn hạn chế.',
  'Một số địa bàn vùng sâu, vùng xa còn khó khăn về đi lại.',
  'Đội ngũ cán bộ mới được sắp xếp, chưa ổn định.',
];
