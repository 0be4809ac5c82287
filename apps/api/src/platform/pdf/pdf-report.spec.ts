import { formatUtc, printable, renderPdfReport } from './pdf-report';

describe('renderPdfReport', () => {
  it('writes a complete PDF, also past one page and with text outside Latin-1', async () => {
    const pdf = await renderPdfReport({
      title: 'Jane Doe',
      subtitle: 'Lead — Acme',
      details: [
        { label: 'Company', value: 'Acme Île-de-France' },
        { label: 'Empty', value: null },
        { label: 'Description', value: 'Long text. '.repeat(400) },
        { label: 'Name', value: 'Дмитрий 😀' },
      ],
      sections: [
        { title: 'Recent activity', lines: [{ at: new Date('2026-11-28T09:30:00Z'), text: 'Lead created' }] },
        { title: 'Nothing', lines: [] },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThan(1);
  });
});

describe('formatUtc', () => {
  it('prints minutes in UTC', () => {
    expect(formatUtc(new Date('2026-11-28T09:30:59.999Z'))).toBe('2026-11-28 09:30 UTC');
  });
});

describe('printable', () => {
  it('keeps Western European text and typography, and shows what the built-in font cannot draw as ?', () => {
    expect(printable('Île-de-France — “Zoë” 12 €\r\nnext\tline')).toBe('Île-de-France — “Zoë” 12 €\nnext line');
    expect(printable('Дмитрий 😀')).toBe('??????? ?');
  });
});
