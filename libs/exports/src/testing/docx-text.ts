import JSZip from 'jszip';

/** A paragraph of WordprocessingML: its text (runs joined) and its XML, for assertions. */
export interface DocxParagraph {
  text: string;
  xml: string;
}

/** Unzips a .docx and returns its main part's XML. */
export async function documentXmlOf(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

export function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''),
  }));
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export const isBold = (p: DocxParagraph) => /<w:b\/>/.test(p.xml);
export const isItalic = (p: DocxParagraph) => /<w:i\/>/.test(p.xml);
/** The first run's size in points. */
export const sizeOf = (p: DocxParagraph) => Number(/<w:sz w:val="(\d+)"\/>/.exec(p.xml)?.[1]) / 2;
export const alignmentOf = (p: DocxParagraph) => /<w:jc w:val="(\w+)"\/>/.exec(p.xml)?.[1];
