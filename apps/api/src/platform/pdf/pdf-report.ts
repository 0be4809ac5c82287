import PDFDocument from 'pdfkit';

/** A one-record report: a title, a two-column table of details, then sections of lines. */
export interface PdfReport {
  title: string;
  /** Under the title, smaller (e.g. the company, or the record's kind). */
  subtitle?: string;
  /** Label → value rows; an empty value prints as a dash. */
  details: PdfDetail[];
  sections: PdfSection[];
  /** Shown in the PDF's properties. */
  author?: string;
}

export interface PdfDetail {
  label: string;
  value: string | null | undefined;
}

export interface PdfSection {
  title: string;
  lines: PdfLine[];
  /** Printed when there are no lines. */
  emptyText?: string;
}

/** A line of a section, dated when `at` is given. */
export interface PdfLine {
  at?: Date;
  text: string;
}

const MARGIN = 50;
const LABEL_WIDTH = 140;
const GAP = 12;
const MUTED = '#666666';
const RULE = '#dddddd';

/** What the built-in fonts can draw (WinAnsi: Latin-1 and a few typographic signs). */
const NOT_WIN_ANSI = /[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;

/** Text the built-in fonts cannot draw shows as `?` rather than as wrong letters. */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(NOT_WIN_ANSI, '?');
}

/**
 * Renders the report as an A4 PDF. Small: returned whole. Dates print in
 * UTC. pdfkit's built-in Helvetica draws Western European text only; other
 * scripts print as `?` until a Unicode font is embedded.
 */
export function renderPdfReport(report: PdfReport, now = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: report.title, Author: report.author ?? 'CRM', Creator: 'CRM', CreationDate: now },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const valueWidth = width - LABEL_WIDTH - GAP;

  doc.font('Helvetica-Bold').fontSize(20).fillColor('black').text(printable(report.title), { width });
  if (report.subtitle) doc.font('Helvetica').fontSize(12).fillColor(MUTED).text(printable(report.subtitle), { width });
  doc.moveDown(1);

  doc.fontSize(10);
  for (const { label, value } of report.details) {
    const text = value?.trim() ? printable(value.trim()) : '—';
    const height = Math.max(
      doc.font('Helvetica-Bold').heightOfString(label, { width: LABEL_WIDTH }),
      doc.font('Helvetica').heightOfString(text, { width: valueWidth }),
    );
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.font('Helvetica-Bold').fillColor(MUTED).text(label, left, top, { width: LABEL_WIDTH });
    doc
      .font('Helvetica')
      .fillColor('black')
      .text(text, left + LABEL_WIDTH + GAP, top, { width: valueWidth });
    const bottom = top + height + 4;
    doc
      .moveTo(left, bottom)
      .lineTo(left + width, bottom)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = left;
    doc.y = bottom + 4;
  }

  for (const section of report.sections) {
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(printable(section.title), left, doc.y, { width });
    doc.moveDown(0.4);
    doc.fontSize(10);
    if (!section.lines.length)
      doc
        .font('Helvetica-Oblique')
        .fillColor(MUTED)
        .text(section.emptyText ?? 'Nothing yet.', { width });
    for (const line of section.lines) {
      doc.font('Helvetica').fillColor('black');
      if (line.at)
        doc
          .fillColor(MUTED)
          .text(`${formatUtc(line.at)}   `, { continued: true })
          .fillColor('black');
      doc.text(printable(line.text), { width });
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footerY = doc.page.height - doc.page.margins.bottom + 16;
    // no bottom margin while the footer is written, or pdfkit would open a page for it
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${printable(report.title)} — printed ${formatUtc(now)} — page ${i + 1} of ${range.count}`, left, footerY, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}

/** `2026-11-28 09:30 UTC` */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A postal address as report lines: street, postal code and city, state, country. */
export function addressText(
  address: { street?: string | null; city?: string | null; postalCode?: string | null; state?: string | null; country?: string | null } | null | undefined,
): string {
  if (!address) return '';
  return [address.street, [address.postalCode, address.city].filter(Boolean).join(' '), address.state, address.country].filter(Boolean).join('\n');
}

/** `lead`, `Ms. Jane Doe` → `lead-ms-jane-doe.pdf`: safe in a Content-Disposition header. */
export function reportFilename(kind: string, name: string, id: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return `${kind}-${slug || id}.pdf`;
}
