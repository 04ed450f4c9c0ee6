import { describe, expect, it } from 'vitest';
import { bytesToBase64, initialAssignees, isAcceptedFile, toAssigneeInputs, tooManyLeads } from './assignees';
import type { DraftTask } from './import-queries';

const task = (overrides: Partial<DraftTask> = {}): DraftTask => ({
  id: 't-1',
  number: '1',
  text: 'Mặt trận và các đoàn thể…',
  kind: 'SHARED',
  dueDate: '2026-12-31',
  cadence: 'QUARTERLY',
  parent: null,
  suggestedAssignees: [],
  plannedAssignees: [],
  ...overrides,
});

const front = { id: 'o-mt', name: 'Ủy ban MTTQ Việt Nam tỉnh' };
const women = { id: 'o-pn', name: 'Hội LHPN tỉnh' };

describe('the assignee editor', () => {
  it("starts from the reader's suggestions, once per body, with the task's date and cadence", () => {
    const rows = initialAssignees(
      task({
        suggestedAssignees: [
          { organization: front, role: 'LEAD', reason: 'Mặt trận' },
          { organization: null, role: 'COORDINATE', reason: 'unknown body' },
          { organization: front, role: 'COORDINATE', reason: 'again' },
          { organization: women, role: 'COORDINATE', reason: 'các đoàn thể' },
        ],
      }),
    );
    expect(rows).toEqual([
      { organization: front, role: 'LEAD', dueDate: '2026-12-31', cadence: 'QUARTERLY', reason: 'Mặt trận' },
      {
        organization: women,
        role: 'COORDINATE',
        dueDate: '2026-12-31',
        cadence: 'QUARTERLY',
        reason: 'các đoàn thể',
      },
    ]);
  });

  it('a reopened draft shows what was planned, not the suggestions', () => {
    const rows = initialAssignees(
      task({
        suggestedAssignees: [{ organization: front, role: 'LEAD', reason: 'Mặt trận' }],
        plannedAssignees: [{ organization: women, role: 'LEAD', dueDate: null, cadence: 'MONTHLY' }],
      }),
    );
    expect(rows).toEqual([
      { organization: women, role: 'LEAD', dueDate: '2026-12-31', cadence: 'MONTHLY', reason: '' },
    ]);
  });

  it('sends only rows with a body, an empty date as none', () => {
    expect(
      toAssigneeInputs([
        { organization: women, role: 'LEAD', dueDate: '', cadence: 'QUARTERLY', reason: '' },
        { organization: null, role: 'COORDINATE', dueDate: '2026-01-01', cadence: 'NONE', reason: '' },
      ]),
    ).toEqual([{ organizationId: 'o-pn', role: 'LEAD', dueDate: null, cadence: 'QUARTERLY' }]);
  });

  it('warns about two leads on a joint task only', () => {
    const rows = [
      { organization: women, role: 'LEAD' as const, dueDate: '', cadence: '', reason: '' },
      { organization: front, role: 'LEAD' as const, dueDate: '', cadence: '', reason: '' },
    ];
    expect(tooManyLeads('JOINT', rows)).toBe(true);
    expect(tooManyLeads('SHARED', rows)).toBe(false);
  });

  it('encodes file bytes as base64 and accepts .txt, .docx and .pdf only', () => {
    expect(bytesToBase64(new TextEncoder().encode('Tỉnh ủy'))).toBe('VOG7iW5oIOG7p3k=');
    expect(isAcceptedFile('410-BC-TU.DOCX')).toBe(true);
    expect(isAcceptedFile('scan.png')).toBe(false);
  });
});
