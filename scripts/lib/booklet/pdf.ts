/**
 * Reading and finishing the PDFs that Chromium prints, with pdf-lib: where each named
 * destination (an element's id) lands, where each link of a page leads, and the document's
 * metadata, which Chromium leaves out (author, subject, keywords).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
}

/** `pdf` with its metadata set; Chromium's title, language and structure are kept. */
export async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords && metadata.keywords.length > 0) doc.setKeywords(metadata.keywords);
  doc.setLanguage('fr');
  doc.setCreator('KPA-Cité, npm run booklet (Chromium)');
  return doc.save({ useObjectStreams: false });
}

function nameText(key: PDFName | PDFString | PDFHexString): string {
  return key instanceof PDFName ? key.decodeText() : key.decodeText();
}

/** The page index (0-based) of each named destination of `pdf`, by name. */
export async function destinationPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages().map((p) => p.ref.toString());
  const result = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return result;
  for (const [key, value] of dests.entries()) {
    const target = doc.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
    if (!(array instanceof PDFArray)) continue;
    const page = array.get(0);
    if (page instanceof PDFRef) result.set(nameText(key), pages.indexOf(page.toString()));
  }
  return result;
}

export interface PdfLink {
  /** 0-based page of the link. */
  page: number;
  /** A named destination inside the document… */
  dest?: string;
  /** …or an address outside it. */
  uri?: string;
}

/** Every link annotation of `pdf`, page by page. */
export async function pdfLinks(pdf: Uint8Array): Promise<PdfLink[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const links: PdfLink[] = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!annots) return;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annot.get(PDFName.of('Dest'));
      if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) {
        links.push({ page: index, dest: nameText(dest) });
        continue;
      }
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.get(PDFName.of('URI'));
      if (uri instanceof PDFString || uri instanceof PDFHexString) links.push({ page: index, uri: uri.decodeText() });
    }
  });
  return links;
}
