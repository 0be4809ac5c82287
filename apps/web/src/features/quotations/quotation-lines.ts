import { quotationTotals, type QuotationTotals } from '@crm/domain';

/** A line as edited: every number is the text of its input. */
export interface LineDraft {
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Text not (yet) a number counts as 0, so totals follow typing without throwing. */
function amount(text: string): string {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? trimmed : '0';
}

/** The editor's totals, with the API's exact rounding. */
export function editorTotals(lines: LineDraft[]): QuotationTotals {
  return quotationTotals(
    lines.map((line) => ({
      quantity: amount(line.quantity),
      unitPrice: amount(line.unitPrice),
      discountPercent: amount(line.discountPercent),
      taxRate: amount(line.taxRate),
    })),
  );
}

let counter = 0;
export function newLine(): LineDraft {
  counter += 1;
  return { key: `new-${counter}`, description: '', quantity: '1', unitPrice: '0', discountPercent: '0', taxRate: '0' };
}

export function draftsOf(
  lines: { id: string; description: string; quantity: string; unitPrice: string; discountPercent: string; taxRate: string }[],
): LineDraft[] {
  return lines.map(({ id, description, quantity, unitPrice, discountPercent, taxRate }) => ({
    key: id,
    description,
    quantity,
    unitPrice,
    discountPercent,
    taxRate,
  }));
}

/** The PATCH body's lines (they replace the quotation's). */
export function patchLines(lines: LineDraft[]) {
  return lines.map((line) => ({
    description: line.description.trim(),
    quantity: line.quantity.trim(),
    unitPrice: line.unitPrice.trim(),
    discountPercent: line.discountPercent.trim() || '0',
    taxRate: line.taxRate.trim() || '0',
  }));
}
