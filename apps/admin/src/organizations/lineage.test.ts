import { describe, expect, it } from 'vitest';
import { emptySuccessor, mergeInput, splitInput } from './lineage';

describe('a merger as the console sends it', () => {
  it('moves this body into the chosen target, the note trimmed and left out when empty', () => {
    expect(mergeInput('a', { id: 'b' }, '2026-11-20', '  NQ 01  ')).toEqual({
      input: { sourceIds: ['a'], targetId: 'b', effectiveDate: '2026-11-20', note: 'NQ 01' },
    });
    expect(mergeInput('a', { id: 'b' }, '2026-11-20', ' ')).toEqual({
      input: { sourceIds: ['a'], targetId: 'b', effectiveDate: '2026-11-20' },
    });
  });

  it('says what is missing: a target, another body than itself, a date', () => {
    expect(mergeInput('a', null, '2026-11-20', '')).toEqual({ missing: 'app.lineage.need_target' });
    expect(mergeInput('a', { id: 'a' }, '2026-11-20', '')).toEqual({ missing: 'app.lineage.same_target' });
    expect(mergeInput('a', { id: 'b' }, '', '')).toEqual({ missing: 'app.lineage.need_date' });
  });
});

describe('a split as the console sends it', () => {
  it('lists the successors in order, a parent only where one was chosen', () => {
    const rows = [
      { name: ' Ban Dân vận ', kind: 'PARTY_COMMISSION', parent: null },
      { name: 'Ban Tuyên giáo', kind: 'PARTY_COMMISSION', parent: { id: 'p', name: 'Tỉnh ủy' } },
    ];
    expect(splitInput('s', rows, '2026-11-20')).toEqual({
      input: {
        sourceId: 's',
        effectiveDate: '2026-11-20',
        successors: [
          { name: 'Ban Dân vận', kind: 'PARTY_COMMISSION' },
          { name: 'Ban Tuyên giáo', kind: 'PARTY_COMMISSION', parentId: 'p' },
        ],
      },
    });
  });

  it('needs a successor, a name and kind for each, and a date', () => {
    expect(splitInput('s', [], '2026-11-20')).toEqual({ missing: 'app.lineage.need_successor' });
    expect(splitInput('s', [emptySuccessor('OFFICE')], '2026-11-20')).toEqual({
      missing: 'app.lineage.need_successor_name',
    });
    expect(splitInput('s', [{ name: 'A', kind: '', parent: null }], '2026-11-20')).toEqual({
      missing: 'app.lineage.need_successor_name',
    });
    expect(splitInput('s', [{ name: 'A', kind: 'OFFICE', parent: null }], '')).toEqual({
      missing: 'app.lineage.need_date',
    });
  });
});
