import { parseDateAt } from './dates.js';
import {
  cleanLine,
  fold,
  isCaps,
  isRuleLine,
  splitCells,
  squash,
  startsLowerCase,
  type SourceLine,
} from './normalize-text.js';
import type { Recipient, Signer } from './outline.types.js';

export const DOCUMENT_TYPES = [
  'BÁO CÁO',
  'NGHỊ QUYẾT',
  'KẾT LUẬN',
  'CHỈ THỊ',
  'KẾ HOẠCH',
  'CHƯƠNG TRÌNH',
  'QUYẾT ĐỊNH',
  'THÔNG BÁO',
  'CÔNG VĂN',
  'HƯỚNG DẪN',
  'QUY ĐỊNH',
  'QUY CHẾ',
  'ĐỀ ÁN',
  'TỜ TRÌNH',
  'THÔNG TRI',
  'CÔNG ĐIỆN',
  'BIÊN BẢN',
  'ĐỀ CƯƠNG',
];

const PARTY_NUMBER = /(\d+)\s*-\s*([A-ZĐ][A-Za-zĐđ]*)\s*\/\s*([A-ZĐ][A-ZĐ0-9-]*[A-ZĐ0-9])/u;
const STATE_NUMBER = /(\d+)(?:\/(\d{4}))?\/([A-ZĐ][A-Za-zĐđ]*)-([A-ZĐ][A-Za-zĐđ0-9-]*[A-Za-zĐđ0-9])/u;
const BARE_NUMBER = /(\d+)\s*\/\s*([A-ZĐ][A-Za-zĐđ0-9-]*[A-Za-zĐđ0-9])/u;

/** Party `410-BC/TU`, State `16/CT-TTg` or `02/2015/QĐ-UBND`, read at the start of the string. */
export function parseNumberSymbol(text: string): { value: string; length: number } | null {
  const s = STATE_NUMBER.exec(text);
  if (s && s.index === 0)
    return {
      value: s[2] ? `${s[1]}/${s[2]}/${s[3]}-${s[4]}` : `${s[1]}/${s[3]}-${s[4]}`,
      length: s[0].length,
    };
  const p = PARTY_NUMBER.exec(text);
  if (p && p.index === 0) return { value: `${p[1]}-${p[2]}/${p[3]}`, length: p[0].length };
  return null;
}

const PLACE_DATE = /^(.{2,60}?),\s*ngày\s+(.+)$/u;
const SIGNING = /^(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|T\.M\.|K\.T\.)\s*\S/u;
const RECIPIENTS = /^Nơi\s+nhận\s*:?/iu;
const BULLET_CELL = /^[-–—+•*]\s*/;
const SIGNED_NOTE = /^\(?\s*(?:đã\s+ký|ký|ký\s+tên|ký,\s*ghi\s+rõ|ký\s+và|đã\s+ký\s+và)/iu;

export interface HeaderReading {
  issuer: string | null;
  superiorIssuer: string | null;
  partyHeader: string | null;
  stateHeader: string | null;
  motto: string | null;
  number: string | null;
  place: string | null;
  date: string | null;
  type: string | null;
  title: string | null;
  /** Index of the first body line. */
  bodyStart: number;
}

function matchType(cell: string): { type: string; rest: string } | null {
  if (!isCaps(cell) && !/^(?:CÔNG VĂN|KẾT LUẬN)/u.test(cell)) return null;
  const up = cell.replace(/[:.]\s*$/, '');
  for (const t of DOCUMENT_TYPES) {
    if (up === t || up.startsWith(t + ' ')) return { type: t, rest: squash(up.slice(t.length)) };
  }
  return null;
}

function isNationalHeader(f: string): 'party' | 'state' | 'motto' | null {
  if (f.startsWith('dang cong san viet nam')) return 'party';
  if (f.startsWith('cong hoa xa hoi chu nghia viet nam')) return 'state';
  if (/^doc lap\s*-\s*tu do\s*-\s*hanh phuc/.test(f)) return 'motto';
  return null;
}

const BODY_START = /^(?:Căn cứ|Thực hiện|Ngày\s|Trong\s|Để\s|Nhằm\s|Qua\s|Sau\s|Kính gửi)/u;

/**
 * Reads the header block: cells are matched by their pattern, never by column order, since a
 * two-column header table comes out of Word cell by cell.
 */
export function readHeader(lines: SourceLine[], limit: number): HeaderReading {
  const out: HeaderReading = {
    issuer: null,
    superiorIssuer: null,
    partyHeader: null,
    stateHeader: null,
    motto: null,
    number: null,
    place: null,
    date: null,
    type: null,
    title: null,
    bodyStart: 0,
  };
  const cleaned = lines.slice(0, limit).map((l) => cleanLine(l.raw));
  // The type line must come early, before anything that looks like body text.
  let typeLine = -1;
  let typeRest = '';
  let nonBlank = 0;
  let lastHeaderLine = -1;
  const issuerCells: string[] = [];
  let sawStarOrNumber = false;
  for (let i = 0; i < cleaned.length && nonBlank < 40; i++) {
    const cells = splitCells(cleaned[i]);
    if (cells.length === 0) continue;
    nonBlank++;
    const joined = cells.join(' ');
    if (joined.length > 220 || /^(?:[IVX]+|\d{1,2})\s*[.\-–]\s/u.test(joined)) break;
    let headerish = false;
    for (const cell of cells) {
      const f = fold(cell);
      const nat = isNationalHeader(f);
      if (nat === 'party') {
        out.partyHeader ??= cell;
        headerish = true;
        continue;
      }
      if (nat === 'state') {
        out.stateHeader ??= 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
        const motto = /Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/iu.exec(cell);
        if (motto) out.motto ??= motto[0];
        headerish = true;
        continue;
      }
      if (nat === 'motto') {
        out.motto ??= cell.replace(/[\s-]+$/, '');
        headerish = true;
        continue;
      }
      if (/^\*+$/.test(cell) || isRuleLine(cell)) {
        if (/^\*+$/.test(cell)) sawStarOrNumber = true;
        headerish = true;
        continue;
      }
      const num = /^Số\s*[:.]?\s*(.*)$/u.exec(cell);
      if (num && out.number === null) {
        const ns = parseNumberSymbol(num[1].trim());
        const bare = ns ? null : BARE_NUMBER.exec(num[1]);
        out.number = ns ? ns.value : bare && bare.index === 0 ? `${bare[1]}/${bare[2]}` : null;
        sawStarOrNumber = true;
        headerish = true;
        continue;
      }
      const pd = PLACE_DATE.exec(cell);
      if (pd && out.date === null && /^\d{1,2}\s*(?:tháng|[-/.]\s*\d)/u.test(pd[2])) {
        // A place-and-date line is part of the header even when its date does not exist; the date then stays null.
        const d = parseDateAt(pd[2]);
        if (d) {
          out.place = squash(pd[1]);
          out.date = d.iso;
        }
        headerish = true;
        continue;
      }
      const vv = /^V\/v\s*[:.]?\s*(.+)$/iu.exec(cell);
      if (vv) {
        out.title ??= squash(vv[1]);
        headerish = true;
        continue;
      }
      if (typeLine < 0) {
        const t = matchType(cell);
        if (t) {
          typeLine = i;
          typeRest = t.rest;
          out.type = t.type;
          headerish = true;
          continue;
        }
        if (isCaps(cell) && !sawStarOrNumber && cell.length <= 80) {
          issuerCells.push(cell);
          headerish = true;
          continue;
        }
      }
    }
    if (typeLine >= 0) break;
    if (headerish) lastHeaderLine = i;
    else if (lastHeaderLine < 0 || nonBlank > 3 || BODY_START.test(joined)) break;
  }

  if (issuerCells.length === 1) out.issuer = issuerCells[0];
  else if (issuerCells.length > 1) {
    const [first, ...rest] = issuerCells;
    const f = fold(first);
    const second = fold(rest[0]);
    // "ỦY BAN NHÂN DÂN / TỈNH KON TUM" is one name on two lines; "ĐẢNG BỘ TỈNH… / HUYỆN ỦY…" is superior and issuer.
    const continues =
      /^(?:uy ban nhan dan|hoi dong nhan dan|ban chap hanh|ban thuong vu|ban chi dao)$/.test(f) ||
      (/^(?:tinh|huyen|thanh pho|thi xa|thi tran|xa|phuong)\s/.test(second) &&
        !/\b(?:uy|doan|hoi|ban|so|phong)\b/.test(second));
    if (continues) out.issuer = squash(issuerCells.join(' '));
    else {
      out.superiorIssuer = first;
      out.issuer = squash(rest.join(' '));
    }
  }

  if (typeLine < 0) {
    // A letter has no type line: its "V/v" abstract or a CV symbol says what it is.
    if (out.title !== null || /(?:-CV\/|\/CV-)/u.test(out.number ?? '')) out.type = 'CÔNG VĂN';
    out.bodyStart = lastHeaderLine + 1;
    return out;
  }

  // Title: lines after the type line up to a rule ("-----") or the first blank line, continuing across
  // blank lines while the next line starts lower-case (a wrapped abstract).
  const titleParts: string[] = typeRest ? [typeRest] : [];
  let i = typeLine + 1;
  let end: number;
  let ruleAt = -1;
  for (let j = typeLine + 1, seen = 0; j < cleaned.length && seen < 12; j++) {
    const t = squash(cleaned[j]);
    if (!t) continue;
    seen++;
    if (isRuleLine(t)) {
      ruleAt = j;
      break;
    }
  }
  if (ruleAt >= 0) {
    for (; i < ruleAt; i++) {
      const t = squash(cleaned[i]);
      if (t) titleParts.push(t);
    }
    end = ruleAt + 1;
  } else {
    let started = false;
    for (; i < cleaned.length; i++) {
      const t = squash(cleaned[i]);
      if (!t) {
        if (started) {
          let k = i + 1;
          while (k < cleaned.length && !squash(cleaned[k])) k++;
          const next = k < cleaned.length ? squash(cleaned[k]) : '';
          if (next && startsLowerCase(next) && next.length < 200) {
            i = k - 1;
            continue;
          }
          break;
        }
        continue;
      }
      if (
        BODY_START.test(t) ||
        t.length > 250 ||
        /^(?:[IVX]+|\d{1,2})\s*[.\-–]\s/u.test(t) ||
        /^(?:QUYẾT ĐỊNH|CHỈ THỊ|QUYẾT NGHỊ)\s*:/u.test(t)
      )
        break;
      if (
        started &&
        titleParts.length > 0 &&
        /[.:]$/.test(titleParts[titleParts.length - 1]) &&
        !startsLowerCase(t)
      )
        break;
      // A new sentence ending in a colon ("Ban Thường vụ Tỉnh ủy yêu cầu:") is the body's lead-in,
      // not more abstract: text converted from PDF often has no blank line to tell them apart.
      if (started && /:$/.test(t) && !startsLowerCase(t)) break;
      titleParts.push(t);
      started = true;
    }
    end = i;
  }
  if (titleParts.length) out.title = squash(titleParts.join(' '));
  out.bodyStart = end;
  return out;
}

export interface ClosingReading {
  /** Index of the first closing line (recipients or signature), or -1 when there is none. */
  start: number;
  signer: Signer | null;
  recipients: Recipient[];
}

/** Reads the signature block and the recipients ("Nơi nhận:"), in whichever order the cells come. */
export function readClosing(lines: SourceLine[], bodyStart: number, end: number): ClosingReading {
  let recipientsLine = -1;
  let signingLine = -1;
  const cellsOf: string[][] = [];
  for (let i = end - 1; i >= bodyStart && i >= end - 60; i--) {
    const cells = splitCells(cleanLine(lines[i].raw));
    cellsOf[i] = cells;
    for (const c of cells) {
      if (recipientsLine < 0 && RECIPIENTS.test(c)) recipientsLine = i;
      if (SIGNING.test(c) && isCaps(c.replace(/^[A-Z./]+\s*/, '') || 'XX')) signingLine = i;
    }
  }
  const found = [recipientsLine, signingLine].filter((x) => x >= 0);
  if (found.length === 0) return { start: -1, signer: null, recipients: [] };
  const start = Math.min(...found);
  const recipients: Recipient[] = [];
  const sigCells: string[] = [];
  let inRecipients = false;
  for (let i = start; i < end; i++) {
    const cells = cellsOf[i] ?? splitCells(cleanLine(lines[i].raw));
    for (const c of cells) {
      if (RECIPIENTS.test(c)) {
        inRecipients = true;
        const rest = squash(c.replace(RECIPIENTS, ''));
        if (rest) recipients.push(recipient(rest));
        continue;
      }
      if (BULLET_CELL.test(c) && (inRecipients || recipientsLine >= 0) && !/^[-–—]{2,}/.test(c)) {
        const r = recipient(c.replace(BULLET_CELL, ''));
        if (r.text) recipients.push(r);
        continue;
      }
      if (/^[-_=–—*]{2,}$/.test(c)) continue;
      sigCells.push(c);
    }
  }
  return { start, signer: readSigner(sigCells), recipients };
}

function recipient(text: string): Recipient {
  const t = squash(text)
    .replace(/[,;.]+$/, '')
    .trim();
  const f = fold(t);
  const purpose = /\(\s*b\s*\/\s*c\s*\)|de bao cao|\(bc\)/.test(f)
    ? 'for report'
    : /^luu\b/.test(f)
      ? 'filed'
      : null;
  return { text: t, purpose };
}

function readSigner(cells: string[]): Signer | null {
  const authority: string[] = [];
  let position: string | null = null;
  let name: string | null = null;
  for (const c of cells) {
    if (SIGNING.test(c) && isCaps(c)) {
      authority.push(c);
      continue;
    }
    if (SIGNED_NOTE.test(c) || /^\(.*\)$/.test(c)) continue;
    if (isCaps(c)) {
      if (position === null && name === null) position = c;
      continue;
    }
    if (name === null && (position !== null || authority.length > 0) && looksLikeName(c)) name = c;
  }
  if (!authority.length && position === null && name === null) return null;
  return { onBehalfOf: authority[0] ?? null, authority, position, name };
}

function looksLikeName(c: string): boolean {
  const words = c.split(' ');
  return words.length >= 1 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w));
}
