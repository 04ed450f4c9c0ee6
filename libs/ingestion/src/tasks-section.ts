import { collectiveSuggestions, localizerFor, suggestAssignees } from './actors.js';
import { findCitations } from './citations.js';
import { detectCadence, detectDueDate } from './cadence.js';
import {
  findEntry,
  tokenize,
  type CompiledGazetteer,
  type Gazetteer,
  type GazetteerEntry,
} from './gazetteer.js';
import { fold } from './normalize-text.js';
import { walk } from './outline.js';
import type { Citation, OutlineNode, SuggestedAssignee, Task } from './outline.types.js';

const NOT_TASKS =
  /^(?:muc tieu|muc dich|tinh hinh|ket qua|danh gia|to chuc thuc hien|de xuat|kien nghi|quan diem|bo cuc)/;
const TASK_HEADINGS = [
  /^(?:cac |mot so |nhung )?nhiem vu\b/,
  /^(?:cac |mot so |nhung )?giai phap\b/,
  /\bnhiem vu(?:,| va)? (?:cac )?giai phap\b/,
  /^phuong huong(?:,| va)? (?:cac )?nhiem vu\b/,
  /^phan cong (?:thuc hien )?nhiem vu\b/,
  /^noi dung(?:,| va)? (?:lo trinh|tien do)\b/,
  /^noi dung (?:thuc hien|nhiem vu|chu yeu|trong tam|cong viec)\b/,
  /^cac noi dung (?:trong tam|chu yeu)\b/,
];
const LEAD_IN =
  /(?:yeu cau|nhiem vu (?:chu yeu |trong tam )?sau|chi thi|de nghi|tap trung (?:thuc hien|lanh dao|chi dao)|thuc hien tot|giao nhiem vu|can thuc hien|ket luan (?:nhu sau|mot so noi dung)|nhu sau)[^:]{0,80}:$/;

function isHeadingLike(n: OutlineNode): boolean {
  return n.heading.length <= 160 && !/[.;]$/.test(n.heading);
}

function headingKey(n: OutlineNode): string {
  return fold(n.heading).replace(/[:.\s]+$/, '');
}

export function isTaskHeading(n: OutlineNode): boolean {
  const f = headingKey(n);
  return !NOT_TASKS.test(f) && TASK_HEADINGS.some((re) => re.test(f));
}

export function isImplementationHeading(n: OutlineNode): boolean {
  return /^to chuc thuc hien\b/.test(headingKey(n));
}

export interface TasksSectionFound {
  /** The heading node, or the lead-in paragraph when the list has no heading. */
  node: OutlineNode;
  byLeadIn: boolean;
  /** Top-level task nodes in reading order. */
  taskNodes: OutlineNode[];
}

/** Finds the tasks section by its heading, else the numbered list after a lead-in ("…yêu cầu:"). */
export function findTasksSection(root: OutlineNode): TasksSectionFound | null {
  const all = [...walk(root)];
  const pick = (kinds: string[]) =>
    all.find((n) => kinds.includes(n.kind) && isHeadingLike(n) && isTaskHeading(n));
  let heading = pick(['part', 'section']) ?? pick(['item', 'subitem']);
  // A broad heading ("PHẦN THỨ HAI: PHƯƠNG HƯỚNG, NHIỆM VỤ") may hold the precise one ("II. NHIỆM VỤ, GIẢI PHÁP").
  for (let inner = heading && narrower(heading); inner; inner = narrower(inner)) heading = inner;
  if (heading) return { node: heading, byLeadIn: false, taskNodes: taskChildren(heading) };
  for (const parent of all) {
    const kids = parent.children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.kind !== 'paragraph' || !LEAD_IN.test(fold(k.text)) || /\bbao cao\b/.test(fold(k.text))) continue;
      const list: OutlineNode[] = [];
      for (let j = i + 1; j < kids.length; j++) {
        const s = kids[j];
        if (s.kind === 'paragraph' || s.kind === 'section' || s.kind === 'part' || isImplementationHeading(s))
          break;
        list.push(s);
      }
      if (list.length) return { node: k, byLeadIn: true, taskNodes: list };
    }
  }
  return null;
}

function narrower(n: OutlineNode): OutlineNode | undefined {
  return n.children.find(
    (c) =>
      c.kind !== 'paragraph' &&
      c.kind !== 'bullet' &&
      isHeadingLike(c) &&
      isTaskHeading(c) &&
      c.children.length > 0,
  );
}

function taskChildren(section: OutlineNode): OutlineNode[] {
  const kids = section.children.filter(
    (c) => !isImplementationHeading(c) && !(c.kind !== 'paragraph' && NOT_TASKS.test(headingKey(c))),
  );
  const firstMarked = kids.findIndex((c) => c.kind !== 'paragraph');
  if (firstMarked < 0) return kids.filter((c) => !/:$/.test(c.text));
  return kids.filter((c, i) => i >= firstMarked && !(c.kind === 'paragraph' && /:$/.test(c.text)));
}

const ACTION_VERBS = new Set(
  (
    'tiep tuc|trien khai|thuc hien|tang cuong|nang cao|day manh|ra soat|danh gia|tao|xay dung|kien toan|cung co|cham lo|phan cong|da dang|huong|kip thoi|' +
    'tham gia|to chuc|chi dao|lanh dao|quan triet|tuyen truyen|van dong|phat huy|doi moi|bao dam|dam bao|quan tam|chu trong|phoi hop|ban hanh|hoan thien|' +
    'tap trung|nghien cuu|phat hien|xu ly|kiem tra|giam sat|theo doi|don doc|bao cao|tham muu|de xuat|bo tri|huy dong|khuyen khich|ngan chan|phong ngua|' +
    'giai quyet|bieu duong|khen thuong|so ket|tong ket|duy tri|mo rong|cai cach|ung dung|ho tro|thuong xuyen|dinh ky|chu dong|khan truong|nghiem tuc|' +
    'cu the|long ghep|thanh lap|phat trien|can|uu tien|nhan rong|lam tot|sap xep|dao tao|boi duong|huong dan|cai thien|khac phuc|dau tu|cap nhat|tong hop|' +
    'xu ly|lua chon|ra quyet dinh|quy hoach|hoan thanh|rut kinh nghiem|tiep thu|giu vung|xay dung|phat dong|tich cuc|gan|ket hop|chuan bi|soan thao|trinh|dinh huong'
  ).split('|'),
);
const CITATION_START =
  /^(?:nghi quyet|quyet dinh|chi thi|ket luan|ke hoach|chuong trinh|huong dan|quy dinh|quy che|thong bao|cong van|de an|luat|nghi dinh|thong tu)\b/;

function startsWithAction(clause: string): boolean {
  const words = tokenize(clause).map((t) => t.word);
  if (!words.length) return false;
  return (
    ACTION_VERBS.has(words[0]) ||
    (words.length > 1 && ACTION_VERBS.has(`${words[0]} ${words[1]}`)) ||
    (words.length > 2 && ACTION_VERBS.has(`${words[0]} ${words[1]} ${words[2]}`))
  );
}

/** Splits a task's text at ";" and sentence ends, keeping a clause with the previous one unless it starts a new action. */
export function splitActions(text: string): string[] {
  const clauses: { text: string; sep: string }[] = [];
  let quote = false;
  let paren = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”') quote = !quote;
    else if (c === '(') paren++;
    else if (c === ')') paren = Math.max(0, paren - 1);
    else if (
      !quote &&
      paren === 0 &&
      (c === ';' || (c === '.' && /^\s+\p{Lu}/u.test(text.slice(i + 1, i + 3))))
    ) {
      clauses.push({ text: text.slice(from, i + 1).trim(), sep: c });
      from = i + 1;
    }
  }
  if (text.slice(from).trim()) clauses.push({ text: text.slice(from).trim(), sep: '' });
  const actions: string[] = [];
  let prev: { text: string; sep: string } | null = null;
  for (const c of clauses) {
    // After "; " a verb may still belong to the title of a document cited in the previous clause
    // ("Nghị quyết Trung ương 4 … ; ngăn chặn, đẩy lùi …"); after a full stop it starts a new action.
    const afterSentence = prev !== null && prev.sep === '.';
    const startsNew =
      actions.length === 0 ||
      (startsWithAction(c.text) && (afterSentence || !CITATION_START.test(fold(prev?.text ?? ''))));
    if (startsNew) actions.push(c.text);
    else actions[actions.length - 1] += ' ' + c.text;
    prev = c;
  }
  return actions.map((a) => a.replace(/;$/, '').trim()).filter((a) => a.length > 0);
}

export interface TaskBuildContext {
  gazetteer: CompiledGazetteer;
  citations: Citation[];
  issuer: string | null;
}

function numberTasks(nodes: OutlineNode[], parentPath: string | null): Map<OutlineNode, string> {
  const used = new Set<string>();
  for (const n of nodes) {
    if (n.label && /^[\dA-Za-zđ.]+$/.test(n.label) && n.kind !== 'bullet')
      used.add(n.label.split('.').pop() as string);
  }
  const out = new Map<OutlineNode, string>();
  let k = 0;
  for (const n of nodes) {
    let own: string;
    if (n.kind === 'subitem' && n.label) {
      out.set(
        n,
        parentPath && !n.label.startsWith(parentPath + '.')
          ? `${parentPath}.${n.label.split('.').pop()}`
          : n.label,
      );
      continue;
    }
    if (n.label && n.kind !== 'bullet') own = n.label;
    else {
      do k++;
      while (used.has(String(k)));
      own = String(k);
    }
    out.set(n, parentPath ? `${parentPath}.${own}` : own);
  }
  return out;
}

function inSegments(n: OutlineNode, offset: number): boolean {
  for (const s of n.segments) if (offset >= s.start && offset < s.end) return true;
  return false;
}

/** Turns the task nodes into tasks with numbers, actions, references, cadence, due date and suggestions. */
export function buildTasks(taskNodes: OutlineNode[], ctx: TaskBuildContext): Task[] {
  const issuer = ctx.issuer ? findEntry(ctx.gazetteer.gazetteer, ctx.issuer) : null;
  const implementers = implementersFor(ctx, issuer);
  const localize = localizerFor(ctx.gazetteer, issuer);
  const build = (nodes: OutlineNode[], parent: Task | null): Task[] => {
    const numbers = numberTasks(nodes, parent ? parent.number : null);
    return nodes.map((n) => {
      // The marker is left out so "b) Hội Nông dân…" still reads as a sentence with its subject first.
      const exclude = findCitations(n.heading).map((c) => c.span);
      let suggested = suggestAssignees(n.heading, ctx.gazetteer, { exclude, localize });
      const namedLead = suggested.some((s) => s.role === 'LEAD' && s.source === 'text');
      if (!parent && !namedLead) suggested = merge(suggested, implementers);
      else if (parent && suggested.length === 0) {
        suggested = parent.suggestedAssignees.map((s) => ({
          ...s,
          reason: `inherited from task ${parent.number}: ${s.reason}`,
          source: 'inherited' as const,
        }));
      }
      const task: Task = {
        number: numbers.get(n) as string,
        text: n.text,
        span: n.span,
        nodeId: n.id,
        children: [],
        actions: splitActions(n.heading),
        suggestedAssignees: suggested,
        references: ctx.citations.filter((c) => inSegments(n, c.span.start)),
        cadence: detectCadence(n.text),
        dueDate: detectDueDate(n.text),
      };
      task.children = build(n.children, task);
      return task;
    });
  };
  return build(taskNodes, null);
}

function implementersFor(ctx: TaskBuildContext, entry: GazetteerEntry | null): SuggestedAssignee[] {
  if (!entry) return [];
  const rule = ctx.gazetteer.gazetteer.implementers.find((r) => r.issuerKey === entry.key);
  return rule
    ? collectiveSuggestions(
        ctx.gazetteer,
        rule.collective,
        `văn bản của ${entry.name}: ${rule.collective.toLowerCase()} tổ chức thực hiện ở cấp mình`,
      )
    : [];
}

function merge(a: SuggestedAssignee[], b: SuggestedAssignee[]): SuggestedAssignee[] {
  const seen = new Set(a.map((s) => s.organization.key));
  return [...a, ...b.filter((s) => !seen.has(s.organization.key))];
}

const TASK_REF =
  /(?:nhiệm vụ|mục|điểm|tiết|khoản|phần)\s+(?:số\s+)?((?:\d+(?:\.\d+)*|[a-zđ])(?:\s*(?:,|và)\s*(?:\d+(?:\.\d+)*|[a-zđ]))*)(?![\p{L}\d])/giu;
const STOP = new Set(
  've|cong|tac|cac|va|cua|cho|trong|tang|cuong|nang|cao|tiep|tuc|day|manh|thuc|hien|trien|khai|viec|doi|voi|tot|hieu|qua|nhung|mot|so|chu|yeu'.split(
    '|',
  ),
);

/**
 * An implementation part ("Tổ chức thực hiện") is not a task list; the bodies it makes lead or
 * coordinate go to the tasks it names (by number or by the words of a task's heading), else to the document.
 */
export function applyImplementation(
  implementation: OutlineNode,
  tasks: Task[],
  gazetteer: CompiledGazetteer,
  issuer: string | null,
): SuggestedAssignee[] {
  const localize = localizerFor(gazetteer, issuer ? findEntry(gazetteer.gazetteer, issuer) : null);
  const flat: Task[] = [];
  const collect = (ts: Task[]) => ts.forEach((t) => (flat.push(t), collect(t.children)));
  collect(tasks);
  const headingWords = new Map<Task, string[]>();
  for (const t of tasks) {
    const words = tokenize(t.text.replace(/^\S+\s+/, '')).map((w) => w.word);
    if (words.length <= 14)
      headingWords.set(
        t,
        words.filter((w) => !STOP.has(w)),
      );
  }
  const documentLevel: SuggestedAssignee[] = [];
  for (const n of walk(implementation)) {
    if (n === implementation || !n.text) continue;
    const found = suggestAssignees(n.heading, gazetteer, {
      topics: false,
      localize,
      exclude: findCitations(n.heading).map((c) => c.span),
    });
    if (!found.length) continue;
    const targets = new Set<Task>();
    TASK_REF.lastIndex = 0;
    for (let m = TASK_REF.exec(n.text); m; m = TASK_REF.exec(n.text)) {
      for (const num of m[1].split(/\s*(?:,|và)\s*/u)) {
        const t = flat.find((x) => x.number === num || x.number.endsWith(`.${num}`));
        if (t) targets.add(t);
      }
    }
    if (!targets.size) {
      const words = new Set(tokenize(n.text).map((w) => w.word));
      for (const [t, hw] of headingWords) if (hw.length >= 2 && hw.every((w) => words.has(w))) targets.add(t);
    }
    const tagged = found.map((s) => ({
      ...s,
      reason: `${s.reason} (tổ chức thực hiện)`,
      source: 'implementation' as const,
    }));
    if (targets.size)
      for (const t of targets) t.suggestedAssignees = mergeRoles(t.suggestedAssignees, tagged);
    else
      for (const s of tagged)
        if (!documentLevel.some((d) => d.organization.key === s.organization.key)) documentLevel.push(s);
  }
  return documentLevel;
}

/** Explicit assignments override guesses: a LEAD named in the implementation part replaces a guessed role. */
function mergeRoles(current: SuggestedAssignee[], explicit: SuggestedAssignee[]): SuggestedAssignee[] {
  const byKey = new Map(current.map((s) => [s.organization.key, s]));
  for (const s of explicit) {
    const had = byKey.get(s.organization.key);
    if (!had || had.role !== s.role) byKey.set(s.organization.key, s);
  }
  const all = [...byKey.values()];
  return [...all.filter((s) => s.role === 'LEAD'), ...all.filter((s) => s.role === 'COORDINATE')];
}

export type { Gazetteer };
