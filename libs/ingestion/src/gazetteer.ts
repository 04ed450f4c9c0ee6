import { fold } from './normalize-text.js';

export type OrganizationKind =
  | 'PARTY_COMMITTEE'
  | 'PARTY_COMMISSION'
  | 'OFFICE'
  | 'FATHERLAND_FRONT'
  | 'SOCIO_POLITICAL'
  | 'PEOPLES_COMMITTEE'
  | 'PEOPLES_COUNCIL'
  | 'DEPARTMENT'
  | 'ARMED_FORCE'
  | 'EXTERNAL';

export type OrganizationLevel = 'CENTRAL' | 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** One organization as the text may name it. The same data seeds the organization table. */
export interface GazetteerEntry {
  key: string;
  name: string;
  shortName: string;
  aliases: string[];
  kind: OrganizationKind;
  level: OrganizationLevel;
  parentKey: string | null;
}

/** A phrase that names a set of bodies at once ("các huyện ủy, thành ủy"). */
export interface CollectivePhrase {
  label: string;
  phrases: string[];
  keys: string[];
}

/** Wording that tells which body a provincial office would give a task that names none. */
export interface TopicRule {
  label: string;
  phrases: string[];
  keys: string[];
}

export interface Gazetteer {
  id: string;
  entries: GazetteerEntry[];
  collectives: CollectivePhrase[];
  topics: TopicRule[];
  /**
   * For a document issued by `issuerKey`, the collective (by label) of lower committees that
   * carry out every task at their level.
   */
  implementers: { issuerKey: string; collective: string }[];
}

export type MatchTarget =
  | { type: 'entry'; entry: GazetteerEntry }
  | { type: 'collective'; collective: CollectivePhrase }
  | { type: 'topic'; topic: TopicRule };

export interface PhraseMatch {
  target: MatchTarget;
  /** Token range [from, to) in the tokenised text. */
  from: number;
  to: number;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  targets: MatchTarget[];
}

export interface Token {
  word: string;
  start: number;
  end: number;
  /** A clause boundary (. ; : ! ?) or the text start lies between this token and the previous one. */
  clauseStart: boolean;
}

const WORD = /[\p{L}\p{N}'’]+/gu;

/** Diacritics-free words with their offsets; hyphens and punctuation separate words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const gap = text.slice(last, m.index);
    out.push({
      word: fold(m[0]),
      start: m.index,
      end: m.index + m[0].length,
      clauseStart: out.length === 0 || /[.;:!?]/.test(gap),
    });
    last = m.index + m[0].length;
  }
  return out;
}

function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.word);
}

export interface CompiledGazetteer {
  gazetteer: Gazetteer;
  byKey: Map<string, GazetteerEntry>;
  actors: TrieNode;
  topics: TrieNode;
  collectiveByLabel: Map<string, CollectivePhrase>;
}

function insert(root: TrieNode, words: string[], target: MatchTarget): void {
  if (!words.length) return;
  let node = root;
  for (const w of words) {
    let n = node.next.get(w);
    if (!n) {
      n = { next: new Map(), targets: [] };
      node.next.set(w, n);
    }
    node = n;
  }
  node.targets.push(target);
}

const cache = new WeakMap<Gazetteer, CompiledGazetteer>();

/** Builds word tries once per gazetteer, so matching is linear in the text's length. */
export function compileGazetteer(g: Gazetteer): CompiledGazetteer {
  const hit = cache.get(g);
  if (hit) return hit;
  const actors: TrieNode = { next: new Map(), targets: [] };
  const topics: TrieNode = { next: new Map(), targets: [] };
  const byKey = new Map<string, GazetteerEntry>();
  for (const e of g.entries) {
    byKey.set(e.key, e);
    for (const p of new Set([e.name, e.shortName, ...e.aliases]))
      insert(actors, phraseTokens(p), { type: 'entry', entry: e });
  }
  for (const c of g.collectives)
    for (const p of c.phrases) insert(actors, phraseTokens(p), { type: 'collective', collective: c });
  for (const t of g.topics)
    for (const p of t.phrases) insert(topics, phraseTokens(p), { type: 'topic', topic: t });
  const compiled: CompiledGazetteer = {
    gazetteer: g,
    byKey,
    actors,
    topics,
    collectiveByLabel: new Map(g.collectives.map((c) => [c.label, c])),
  };
  cache.set(g, compiled);
  return compiled;
}

/** Longest, non-overlapping, word-bounded matches, left to right. */
export function matchPhrases(root: TrieNode, tokens: Token[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = root;
    let best: { to: number; targets: MatchTarget[] } | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j].word);
      if (node && node.targets.length) best = { to: j + 1, targets: node.targets };
    }
    if (best) {
      out.push({
        target: best.targets[0],
        from: i,
        to: best.to,
        start: tokens[i].start,
        end: tokens[best.to - 1].end,
      });
      i = best.to;
    } else i++;
  }
  return out;
}

/** Finds the entry a name denotes ("Ủy ban nhân dân tỉnh", "UBND tỉnh", "Tỉnh uỷ Kon Tum"). */
export function findEntry(g: Gazetteer, name: string): GazetteerEntry | null {
  const c = compileGazetteer(g);
  const tokens = tokenize(name);
  const m = matchPhrases(c.actors, tokens);
  if (m.length === 1 && m[0].from === 0 && m[0].to === tokens.length && m[0].target.type === 'entry')
    return m[0].target.entry;
  return null;
}
