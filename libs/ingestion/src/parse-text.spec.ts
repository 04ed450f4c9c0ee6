import { readFileSync } from 'node:fs';
import type { Gazetteer } from './gazetteer.js';
import { parseDocument } from './index.js';
import { walk } from './outline.js';
import { parseText } from './parse-text.js';

const seed = readFileSync(
  new URL('../test-documents/seed/kon-tum-410-BC-TU-2019.txt', import.meta.url),
  'utf8',
);

describe('parseText', () => {
  it('uses the gazetteer it is given instead of the built-in one', () => {
    const gazetteer: Gazetteer = {
      id: 'test',
      entries: [
        {
          key: 'x.so',
          name: 'Sở Nội vụ',
          shortName: 'SNV',
          aliases: [],
          kind: 'DEPARTMENT',
          level: 'PROVINCE',
          parentKey: null,
        },
      ],
      collectives: [],
      topics: [],
      implementers: [],
    };
    const text = 'II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Nội vụ chủ trì, phối hợp với Ủy ban nhân dân tỉnh rà soát.';
    expect(parseText(text, { gazetteer }).tasks[0].suggestedAssignees.map((s) => s.organization.key)).toEqual(
      ['x.so'],
    );
    expect(parseText(text).tasks[0].suggestedAssignees.map((s) => [s.organization.key, s.role])).toEqual([
      ['kt.ubnd', 'COORDINATE'],
    ]);
  });

  it('gives every node a unique id and footnote anchors the node that holds them', () => {
    const o = parseText(seed);
    const nodes = [...walk(o.root)];
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    for (const f of o.footnotes) {
      const node = nodes.find((n) => n.id === f.anchor?.nodeId);
      expect(node).toBeDefined();
      if (node && f.anchor)
        expect(
          node.segments.some(
            (s) => f.anchor !== null && s.start < f.anchor.offset && f.anchor.offset <= s.end,
          ),
        ).toBe(true);
    }
  });

  it('splits a long task into actions where a clause starts a new action', () => {
    const o = parseText(seed);
    expect(o.tasks[0].actions).toHaveLength(1);
    expect(o.tasks[1].actions.map((a) => a.slice(0, 22))).toEqual([
      'Tiếp tục triển khai th',
      'Rà soát, đánh giá việc',
      'nâng cao ý thức trách ',
      'tạo điều kiện về cơ ch',
    ]);
    expect(o.tasks[2].actions).toHaveLength(4);
  });
});

describe('parseDocument', () => {
  it('reads and parses in one step', async () => {
    const o = await parseDocument({ fileName: 'seed.txt', data: new TextEncoder().encode(seed) });
    expect(o.header.number).toBe('410-BC/TU');
    expect(o.tasks).toHaveLength(3);
  });
});
