import { findCitations } from './citations.js';
import { attachFootnotes, findFootnotesStart, readFootnoteBodies } from './footnotes.js';
import { compileGazetteer, type Gazetteer } from './gazetteer.js';
import { konTum2019Gazetteer } from './gazetteers/kon-tum-2019.js';
import { readClosing, readHeader } from './header.js';
import { normalizeText, splitLines } from './normalize-text.js';
import { buildOutline, walk } from './outline.js';
import type { DocumentOutline, OutlineNode, SectionRef } from './outline.types.js';
import {
  applyImplementation,
  buildTasks,
  findTasksSection,
  isImplementationHeading,
} from './tasks-section.js';

export interface ParseOptions {
  /** Organizations to recognise; defaults to Kon Tum as of 2019. */
  gazetteer?: Gazetteer;
}

function sectionRef(n: OutlineNode): SectionRef {
  return { number: n.label, heading: n.heading, nodeId: n.id, span: n.span };
}

/**
 * Reads a directive's text into its outline. Synchronous, linear in the text's length, and total:
 * any string gives an outline (missing parts are null or empty, never invented).
 */
export function parseText(input: string, options: ParseOptions = {}): DocumentOutline {
  const text = normalizeText(String(input));
  const lines = splitLines(text);
  const lineStart = (i: number) => (i < lines.length ? lines[i].start : text.length);
  const gazetteer = compileGazetteer(options.gazetteer ?? konTum2019Gazetteer);

  const footStart = findFootnotesStart(lines, 0, lines.length);
  const header = readHeader(lines, footStart);
  const bodyStart = Math.min(header.bodyStart, footStart);
  const closing = readClosing(lines, bodyStart, footStart);
  const bodyEnd = closing.start >= 0 ? closing.start : footStart;

  const body = buildOutline(lines.slice(bodyStart, bodyEnd));
  const root = body.root;
  root.span = {
    start: lineStart(bodyStart),
    end: bodyEnd > bodyStart ? lines[bodyEnd - 1].end : lineStart(bodyStart),
  };

  // Index node segments for anchor look-ups.
  const segs: { start: number; end: number; id: number }[] = [];
  for (const n of body.nodes) for (const s of n.segments) segs.push({ ...s, id: n.id });
  segs.sort((a, b) => a.start - b.start);
  const nodeAt = (offset: number): number | null => {
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].end < offset) lo = mid + 1;
      else if (segs[mid].start >= offset) hi = mid - 1;
      else return segs[mid].id;
    }
    return null;
  };

  const footnoteBodies = readFootnoteBodies(lines, footStart, lines.length);
  const footnotes = attachFootnotes(text, footnoteBodies, body.breaks, nodeAt);
  const references = findCitations(text);

  const top = root.children;
  const parts = top.filter((n) => n.kind === 'part');
  const romans = top.filter((n) => n.kind === 'section');
  const sectionNodes = parts.length
    ? parts
    : romans.length
      ? romans
      : top.filter((n) => n.kind === 'item' && n.heading.length <= 120 && !/[.;]$/.test(n.heading));
  const sections = sectionNodes.map(sectionRef);

  const found = findTasksSection(root);
  const tasks = found
    ? buildTasks(found.taskNodes, { gazetteer, citations: references, issuer: header.issuer })
    : [];
  let documentAssignees: DocumentOutline['documentAssignees'] = [];
  for (const n of walk(root)) {
    if (n.kind !== 'paragraph' && isImplementationHeading(n)) {
      documentAssignees = [...documentAssignees, ...applyImplementation(n, tasks, gazetteer, header.issuer)];
    }
  }

  return {
    text,
    header: {
      issuer: header.issuer,
      superiorIssuer: header.superiorIssuer,
      partyHeader: header.partyHeader,
      stateHeader: header.stateHeader,
      motto: header.motto,
      number: header.number,
      place: header.place,
      date: header.date,
      type: header.type,
      title: header.title,
      signer: closing.signer,
      recipients: closing.recipients,
    },
    root,
    sections,
    tasksSection: found
      ? {
          number: found.byLeadIn ? null : found.node.label,
          heading: found.node.heading,
          nodeId: found.node.id,
          span: found.node.span,
        }
      : null,
    tasks,
    documentAssignees,
    references,
    footnotes,
    regions: {
      header: { start: 0, end: lineStart(bodyStart) },
      body: { start: lineStart(bodyStart), end: lineStart(bodyEnd) },
      closing: closing.start >= 0 ? { start: lineStart(closing.start), end: lineStart(footStart) } : null,
      footnotes: footStart < lines.length ? { start: lineStart(footStart), end: text.length } : null,
    },
    noise: body.noise,
  };
}
