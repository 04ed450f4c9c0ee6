import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { bootApi, Given, graphql, type RunningApi, signIn } from '@dondoc/test-support';

type Session = Awaited<ReturnType<typeof signIn>>;

const CITING = `TỈNH ỦY KON TUM
*
Số 120-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 02 tháng 3 năm 2020
KẾ HOẠCH
thực hiện Kết luận số 500-KL/TU, ngày 10-01-2020 của Ban Thường vụ Tỉnh ủy
I. MỤC ĐÍCH, YÊU CẦU
Quán triệt sâu sắc nội dung Kết luận.
II. NHIỆM VỤ, GIẢI PHÁP
1. Ban Dân vận Tỉnh ủy chủ trì tham mưu tổng kết, báo cáo kết quả hằng quý.
2. Ủy ban nhân dân tỉnh chỉ đạo cải cách hành chính, hoàn thành trong quý III/2020.
`;

const CITED = `TỈNH ỦY KON TUM
*
Số 500-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 10 tháng 01 năm 2020
KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về công tác dân vận
Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cấp ủy tăng cường lãnh đạo công tác dân vận.
2. Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội đổi mới phương thức hoạt động.
`;

describe('documents over the API', () => {
  let api: RunningApi;
  let office: Session;

  const call = async <T>(query: string, variables?: Record<string, unknown>) =>
    (await graphql<T>(api.url, query, variables, office.headers)).body;
  const importText = async (text: string) => {
    const body = await call<{ importDocument: { id: string; number: string } }>(
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id number } }',
      { i: { text } },
    );
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.importDocument;
  };

  beforeAll(async () => {
    api = await bootApi();
    await new Given(api.app).konTum();
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
  });
  afterAll(() => api?.close());

  it('links a cited document that is also here, both ways, whichever comes first', async () => {
    const citing = await importText(CITING);
    const cited = await importText(CITED);
    expect([citing.number, cited.number]).toEqual(['120-KH/TU', '500-KL/TU']);
    const links = await call<{ Document: { cites: { number: string }[]; citedBy: { number: string }[] } }>(
      'query ($id: ID!) { Document(id: $id) { cites { number } citedBy { number } } }',
      { id: cited.id },
    );
    expect(links.data!.Document).toEqual({ cites: [], citedBy: [{ number: '120-KH/TU' }] });
    const back = await call<{ Document: { cites: { number: string }[] } }>(
      'query ($id: ID!) { Document(id: $id) { cites { number } } }',
      {
        id: citing.id,
      },
    );
    expect(back.data!.Document.cites).toEqual([{ number: '500-KL/TU' }]);
  });

  it('reads a directive without headings: the list after "yêu cầu:" is its tasks, each with the body it names', async () => {
    const cited = await importText(CITED.replace('500-KL/TU', '501-KL/TU'));
    const { data } = await call<{
      Document: {
        tasks: { number: string; kind: string; suggestedAssignees: { organization: { name: string } }[] }[];
      };
    }>(
      'query ($id: ID!) { Document(id: $id) { tasks { number kind suggestedAssignees { organization { name } } } } }',
      { id: cited.id },
    );
    expect(data!.Document.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(data!.Document.tasks[1]!.kind).toBe('SHARED');
    expect(data!.Document.tasks[1]!.suggestedAssignees.map((s) => s.organization.name)).toEqual(
      expect.arrayContaining(['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Hội Nông dân tỉnh']),
    );
  });

  it('keeps the reporting deadlines configurable per document, refusing impossible ones', async () => {
    const document = await importText(CITING.replace('120-KH/TU', '121-KH/TU'));
    const update = (cutoff: number, due: number) =>
      call<{ updateDocument: { reportCutoffDay: number; reportDueDay: number } }>(
        'mutation ($id: ID!, $c: Int, $d: Int) { updateDocument(id: $id, reportCutoffDay: $c, reportDueDay: $d) { reportCutoffDay reportDueDay } }',
        { id: document.id, c: cutoff, d: due },
      );
    expect((await update(10, 15)).data).toEqual({
      updateDocument: { reportCutoffDay: 10, reportDueDay: 15 },
    });
    expect((await update(20, 15)).errors?.[0]?.message).toMatch(
      /Hạn gửi báo cáo không thể trước ngày chốt số liệu/,
    );
    expect((await update(31, 31)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('says clearly what is wrong with a file it cannot read', async () => {
    const binary = await call('mutation ($i: DocumentInput!) { importDocument(input: $i) { id } }', {
      i: { fileName: 'scan.txt', fileBase64: Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]).toString('base64') },
    });
    expect(binary.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/không phải văn bản/),
      extensions: { code: 'BAD_USER_INPUT', field: 'fileBase64' },
    });
    const both = await call('mutation ($i: DocumentInput!) { parseDocument(input: $i) { text } }', {
      i: { text: CITED, fileBase64: Buffer.from(CITED).toString('base64') },
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const unsupported = await call('mutation ($i: DocumentInput!) { parseDocument(input: $i) { text } }', {
      i: { fileName: 'bang.xls', fileBase64: Buffer.from('x').toString('base64') },
    });
    expect(unsupported.errors?.[0]?.message).toMatch(/Loại tệp không được hỗ trợ/);
  });
});
