import { compileGazetteer, localizerFor, suggestAssignees } from './actors.js';
import { findEntry } from './gazetteer.js';
import { konTum2019Gazetteer } from './gazetteers/kon-tum-2019.js';

const g = compileGazetteer(konTum2019Gazetteer);
const roles = (text: string, opts = {}) =>
  suggestAssignees(text, g, opts).map((s) => [s.organization.key, s.role]);

describe('suggesting assignees', () => {
  it('reads "X chủ trì, phối hợp với Y, Z" as a lead and coordinators', () => {
    expect(
      roles(
        'Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Dân vận Tỉnh ủy, Tỉnh đoàn tổ chức tuyên truyền.',
      ),
    ).toEqual([
      ['kt.tu.btg', 'LEAD'],
      ['kt.tu.bdv', 'COORDINATE'],
      ['kt.td', 'COORDINATE'],
    ]);
  });

  it('takes the grammatical subject as lead and leaves objects out', () => {
    expect(roles('Ủy ban nhân dân tỉnh tạo điều kiện cho Hội Nông dân tỉnh hoạt động.')).toEqual([
      ['kt.ubnd', 'LEAD'],
    ]);
    expect(roles('Tăng cường sự lãnh đạo đối với Mặt trận Tổ quốc Việt Nam.')).toEqual([]);
  });

  it('does not take the body that hands out the work', () => {
    expect(roles('Ban Thường vụ Tỉnh ủy giao Ủy ban nhân dân tỉnh chủ trì thực hiện.')).toEqual([
      ['kt.ubnd', 'LEAD'],
    ]);
    expect(roles('Đề nghị Ủy ban MTTQ Việt Nam tỉnh vận động Nhân dân.')).toEqual([['kt.mttq', 'LEAD']]);
  });

  it('expands a collective phrase and labels each member with it', () => {
    const s = suggestAssignees(
      'Các lực lượng vũ trang phối hợp với chính quyền các cấp giữ vững an ninh.',
      g,
    );
    expect(s.filter((x) => x.role === 'LEAD').map((x) => [x.organization.key, x.group])).toEqual([
      ['kt.bchqs', 'Các lực lượng vũ trang'],
      ['kt.ca', 'Các lực lượng vũ trang'],
      ['kt.bdbp', 'Các lực lượng vũ trang'],
    ]);
    expect(s.filter((x) => x.role === 'COORDINATE')).toHaveLength(11);
    expect(s[0].reason).toBe('Các lực lượng vũ trang');
  });

  it('falls back on topic rules only when no body is named as lead', () => {
    const topic = suggestAssignees('Tăng cường kiểm tra, giám sát việc thực hiện.', g);
    expect(topic.map((s) => [s.organization.key, s.source])).toEqual([['kt.tu.ubkt', 'topic']]);
    expect(topic[0].reason).toContain('kiểm tra, giám sát');
    expect(roles('Ủy ban nhân dân tỉnh tăng cường kiểm tra, giám sát.')).toEqual([['kt.ubnd', 'LEAD']]);
    expect(roles('Tăng cường kiểm tra, giám sát.', { topics: false })).toEqual([]);
  });

  it('skips bodies named inside excluded spans and quoted titles', () => {
    const text =
      'Thực hiện Quyết định số 1386-QĐ/TU của Ban Thường vụ Tỉnh ủy về "Quy chế phối hợp với Hội Nông dân tỉnh".';
    const start = text.indexOf('Quyết định');
    expect(roles(text, { exclude: [{ start, end: text.indexOf(' về') }] })).toEqual([]);
  });

  it('localises province bodies reached by topic or collective to a district issuer', () => {
    const localize = localizerFor(g, findEntry(konTum2019Gazetteer, 'Huyện ủy Đăk Hà'));
    expect(
      roles('Nâng cao trách nhiệm của chính quyền; vận động đoàn viên, hội viên.', { localize }),
    ).toEqual([
      ['kt.dh.ubnd', 'LEAD'],
      ['kt.dh.mttq', 'LEAD'],
      ['kt.dh.doan', 'LEAD'],
      ['kt.dh.pn', 'LEAD'],
      ['kt.dh.nd', 'LEAD'],
      ['kt.dh.ccb', 'LEAD'],
      ['kt.dh.ldld', 'LEAD'],
    ]);
    expect(roles('Tăng cường kiểm tra, giám sát.', { localize })).toEqual([]);
    expect(roles('Hội Nông dân vận động hội viên; Hội Nông dân tỉnh hướng dẫn.', { localize })).toEqual([
      ['kt.dh.nd', 'LEAD'],
      ['kt.nd', 'LEAD'],
    ]);
    expect(roles('UBND chỉ đạo thực hiện.', { localize })).toEqual([['kt.dh.ubnd', 'LEAD']]);
    expect(roles('UBND chỉ đạo thực hiện.')).toEqual([['kt.ubnd', 'LEAD']]);
  });
});
