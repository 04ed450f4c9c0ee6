import type { DocumentOutline, OutlineNode } from './outline.types.js';

const WIDTH = 100;

function clip(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, width - 1) + '…';
}

/** A readable tree for `npm run cli -- parse FILE`: header, outline with the tasks section marked ★, tasks, footnotes. */
export function formatOutlineTree(outline: DocumentOutline): string {
  const h = outline.header;
  const out: string[] = [];
  const field = (label: string, value: string | null) => out.push(`${label.padEnd(10)} ${value ?? '—'}`);
  field('Issuer', h.superiorIssuer ? `${h.issuer} (${h.superiorIssuer})` : h.issuer);
  field('Number', h.number);
  field('Type', h.type);
  field('Place', h.place);
  field('Date', h.date);
  field('Title', h.title ? clip(h.title, WIDTH) : null);
  field(
    'Signer',
    h.signer
      ? [h.signer.authority.join(' / '), h.signer.position, h.signer.name].filter(Boolean).join(' · ')
      : null,
  );
  out.push(`Recipients ${h.recipients.length ? '' : '—'}`);
  for (const r of h.recipients) out.push(`  - ${r.text}${r.purpose ? ` [${r.purpose}]` : ''}`);
  out.push('', 'Outline');
  const tasksId = outline.tasksSection?.nodeId ?? -1;
  const draw = (n: OutlineNode, depth: number) => {
    const mark = n.id === tasksId ? '★ ' : '';
    const label = n.kind === 'paragraph' ? '¶' : (n.label ?? '');
    out.push(`${'  '.repeat(depth)}${mark}${label} ${clip(n.heading, WIDTH - depth * 2)}`);
    for (const c of n.children) draw(c, depth + 1);
  };
  for (const c of outline.root.children) draw(c, 1);
  out.push(
    '',
    `Tasks${outline.tasksSection ? ` (★ ${outline.tasksSection.number ?? ''} ${clip(outline.tasksSection.heading, 60)})` : ': none found'}`,
  );
  const drawTask = (t: DocumentOutline['tasks'][number], depth: number) => {
    const extra = [t.cadence, t.dueDate ? `due ${t.dueDate}` : null].filter(Boolean).join(', ');
    out.push(
      `${'  '.repeat(depth)}${t.number}  ${clip(t.text, WIDTH - depth * 2)}${extra ? `  [${extra}]` : ''}`,
    );
    for (const s of t.suggestedAssignees)
      out.push(
        `${'  '.repeat(depth + 2)}→ ${s.role.padEnd(10)} ${s.organization.name}${s.group ? `  (${s.group})` : ''}`,
      );
    for (const c of t.children) drawTask(c, depth + 1);
  };
  for (const t of outline.tasks) drawTask(t, 1);
  if (outline.references.length) {
    out.push('', `References (${outline.references.length})`);
    for (const r of outline.references)
      out.push(`  ${r.number ? `${r.type} ${r.number}` : (r.name ?? r.type)}${r.date ? `, ${r.date}` : ''}`);
  }
  if (outline.footnotes.length) {
    out.push('', `Footnotes (${outline.footnotes.length})`);
    for (const f of outline.footnotes)
      out.push(`  [${f.index}] after “${f.anchor?.before ?? '?'}”: ${clip(f.text, 70)}`);
  }
  return out.join('\n') + '\n';
}
