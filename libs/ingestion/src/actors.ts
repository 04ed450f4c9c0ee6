import {
  compileGazetteer,
  matchPhrases,
  tokenize,
  type CompiledGazetteer,
  type GazetteerEntry,
  type PhraseMatch,
  type Token,
} from './gazetteer.js';
import type { AssigneeRole, Span, SuggestedAssignee } from './outline.types.js';

const COORDINATE_CUES = [
  'phoi hop voi',
  'phoi hop cung',
  'voi su phoi hop cua',
  'cung voi',
  'phoi hop',
  'tham gia phoi hop voi',
];
const LEAD_CUES = ['giao', 'de nghi', 'yeu cau', 'chi dao', 'lanh dao', 'giao cho', 'phan cong'];
const OBJECT_CUES = [
  'doi voi',
  'cua',
  'cho',
  'voi',
  'giua',
  'vao',
  'tham gia',
  'den',
  'tu',
  'trong',
  've',
  'tai',
  'can bo',
  'doan vien',
  'hoi vien',
  'bo may',
  'hoat dong',
  'nhu',
  'la',
];
const LIST_GLUE = new Set(['va', 'cac', 'cung']);

function endsWith(words: string[], cue: string): boolean {
  const c = cue.split(' ');
  if (c.length > words.length) return false;
  for (let i = 0; i < c.length; i++) if (words[words.length - c.length + i] !== c[i]) return false;
  return true;
}

function clauseWordsBefore(tokens: Token[], from: number): string[] {
  const out: string[] = [];
  if (tokens[from]?.clauseStart) return out;
  for (let i = from - 1; i >= 0 && out.length < 5; i--) {
    out.unshift(tokens[i].word);
    if (tokens[i].clauseStart) break;
  }
  return out;
}

function roleFor(
  tokens: Token[],
  m: PhraseMatch,
  prev: { match: PhraseMatch; role: AssigneeRole | null } | null,
): AssigneeRole | null {
  const before = clauseWordsBefore(tokens, m.from);
  const after = tokens
    .slice(m.to, m.to + 2)
    .map((t) => t.word)
    .join(' ');
  if (after === 'chu tri') return 'LEAD';
  // "X phối hợp tuyên truyền" makes X a coordinator; "X phối hợp với Y …" keeps X as the doer.
  if (after === 'phoi hop' && tokens[m.to + 2]?.word !== 'voi') return 'COORDINATE';
  // The body that hands out the work ("X giao Y…", "X đề nghị Y…") is not an assignee.
  if (/^(?:giao|yeu cau|de nghi)\b/.test(after)) return null;
  for (const c of COORDINATE_CUES) if (endsWith(before, c)) return 'COORDINATE';
  for (const c of LEAD_CUES) if (endsWith(before, c)) return 'LEAD';
  // A name listed right after another ("X, Y và Z chủ trì") shares its role.
  if (prev && prev.match.to <= m.from && !tokens[m.from].clauseStart) {
    const between = tokens.slice(prev.match.to, m.from).map((t) => t.word);
    if (between.every((w) => LIST_GLUE.has(w))) return prev.role;
  }
  for (const c of OBJECT_CUES) if (endsWith(before, c)) return null;
  const lead =
    before.length === 0 ||
    tokens[m.from].clauseStart ||
    before.every((w) => w === 'cac' || w === 'cap' || w === 'tiep' || w === 'tuc');
  return lead ? 'LEAD' : null;
}

function insideAny(start: number, end: number, spans: Span[]): boolean {
  for (const s of spans) if (start < s.end && end > s.start) return true;
  return false;
}

/** Spans between quote marks: titles of cited documents name bodies that are not assignees. */
function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '“' || c === '”') {
      if (open < 0) open = i;
      else {
        out.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  return out;
}

class Suggestions {
  private readonly byKey = new Map<string, SuggestedAssignee>();
  add(
    entry: GazetteerEntry,
    role: AssigneeRole,
    reason: string,
    group: string | null,
    source: SuggestedAssignee['source'],
  ): void {
    const had = this.byKey.get(entry.key);
    if (had && (had.role === 'LEAD' || role === 'COORDINATE')) return;
    this.byKey.set(entry.key, {
      organization: { key: entry.key, name: entry.name },
      role,
      reason,
      group,
      source,
    });
  }
  hasLead(): boolean {
    for (const s of this.byKey.values()) if (s.role === 'LEAD') return true;
    return false;
  }
  list(): SuggestedAssignee[] {
    const all = [...this.byKey.values()];
    return [...all.filter((s) => s.role === 'LEAD'), ...all.filter((s) => s.role === 'COORDINATE')];
  }
  get size(): number {
    return this.byKey.size;
  }
}

export interface SuggestOptions {
  /** Spans (relative to the text) to leave out, e.g. citations whose issuers are not assignees. */
  exclude?: Span[];
  /** Apply topic rules when no body is named as lead. */
  topics?: boolean;
  /**
   * Maps a province-level key reached through a collective phrase or a topic rule to the body
   * that fits the issuer (a district document's "Mặt trận" is the district Front); null drops it.
   */
  localize?: (key: string) => string | null;
}

/**
 * Suggests assignees for one task text: named bodies with the role their grammar gives them
 * (subject or "chủ trì" → LEAD, "phối hợp với" → COORDINATE), collective phrases expanded to
 * their members, and, when nobody is named as lead, the topic rules.
 */
export function suggestAssignees(
  text: string,
  gazetteer: CompiledGazetteer,
  options: SuggestOptions = {},
): SuggestedAssignee[] {
  const tokens = tokenize(text);
  const exclude = [...(options.exclude ?? []), ...quotedSpans(text)];
  const out = new Suggestions();
  const localize = options.localize ?? ((k: string) => k);
  let prev: { match: PhraseMatch; role: AssigneeRole | null } | null = null;
  const actorMatches = matchPhrases(gazetteer.actors, tokens);
  for (const m of actorMatches) {
    if (insideAny(m.start, m.end, exclude)) continue;
    const role = roleFor(tokens, m, prev);
    prev = { match: m, role };
    if (!role) continue;
    const phrase = text.slice(m.start, m.end);
    const cueStart = m.from > 0 && role === 'COORDINATE' ? tokens[Math.max(0, m.from - 3)].start : m.start;
    const reason = text.slice(cueStart, m.end + (tokens[m.to]?.word === 'chu' ? 9 : 0)).trim() || phrase;
    if (m.target.type === 'entry') {
      // A bare name ("Hội Nông dân", "UBND") in a district document means the district's body;
      // a name that says "tỉnh" keeps the province's.
      const bare = !tokens.slice(m.from, m.to).some((t) => t.word === 'tinh');
      const local = bare ? localize(m.target.entry.key) : null;
      out.add((local && gazetteer.byKey.get(local)) || m.target.entry, role, reason, null, 'text');
    } else if (m.target.type === 'collective') {
      for (const key of m.target.collective.keys) {
        const local = localize(key);
        const e = local ? gazetteer.byKey.get(local) : undefined;
        if (e) out.add(e, role, reason, m.target.collective.label, 'text');
      }
    }
  }
  if (options.topics !== false && !out.hasLead()) {
    for (const m of matchPhrases(gazetteer.topics, tokens)) {
      if (m.target.type !== 'topic') continue;
      if (actorMatches.some((a) => m.start < a.end && m.end > a.start)) continue;
      const t = m.target.topic;
      for (const key of t.keys) {
        const local = localize(key);
        const e = local ? gazetteer.byKey.get(local) : undefined;
        if (e)
          out.add(
            e,
            'LEAD',
            `${text.slice(m.start, m.end)} (topic: ${t.label})`,
            t.keys.length > 1 ? t.label : null,
            'topic',
          );
      }
    }
  }
  return out.list();
}

/** Members of a collective, as LEAD suggestions with the collective's label. */
export function collectiveSuggestions(
  gazetteer: CompiledGazetteer,
  label: string,
  reason: string,
): SuggestedAssignee[] {
  const c = gazetteer.collectiveByLabel.get(label);
  if (!c) return [];
  const out: SuggestedAssignee[] = [];
  for (const key of c.keys) {
    const e = gazetteer.byKey.get(key);
    if (e)
      out.push({
        organization: { key: e.key, name: e.name },
        role: 'LEAD',
        reason,
        group: c.label,
        source: 'issuer',
      });
  }
  return out;
}

/**
 * For a document issued at district level, province-level keys reached through collective phrases
 * and topic rules stand for the issuer's own district bodies (the child of the province body
 * under the same district); a province body with no district counterpart is dropped.
 */
export function localizerFor(
  gazetteer: CompiledGazetteer,
  issuer: GazetteerEntry | null,
): (key: string) => string | null {
  if (!issuer || issuer.level !== 'DISTRICT') return (k) => k;
  const prefix = issuer.key.slice(0, issuer.key.lastIndexOf('.') + 1);
  const counterpart = new Map<string, string>();
  for (const e of gazetteer.gazetteer.entries)
    if (e.parentKey && e.key.startsWith(prefix)) counterpart.set(e.parentKey, e.key);
  return (k) => {
    const e = gazetteer.byKey.get(k);
    if (!e || e.level !== 'PROVINCE') return k;
    return counterpart.get(k) ?? null;
  };
}

export { compileGazetteer };
