import DecimalJs from 'decimal.js';

/** Our own Decimal: half-up rounding (commercial), whatever else configures the global one. */
const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });

export const QUOTATION_STATUSES = ['draft', 'sent', 'confirmed', 'cancelled'] as const;
export type QuotationStatus = (typeof QUOTATION_STATUSES)[number];

/** Amounts are decimal strings, as in the API ("12500.00"). */
export interface QuotationLineInput {
  quantity: string;
  unitPrice: string;
  /** Percent off the line, 0–100. */
  discountPercent: string;
  /** Tax rate in percent, e.g. "20". */
  taxRate: string;
}

export interface LineTotals {
  net: string;
  tax: string;
  total: string;
}

export interface QuotationTotals {
  lines: LineTotals[];
  untaxed: string;
  tax: string;
  total: string;
}

const money = (value: DecimalJs) => value.toDecimalPlaces(2).toFixed(2);

/**
 * Totals of a quotation, exactly: each line's net (quantity × price less
 * the discount) and tax are rounded to the cent, then summed, so the lines
 * always add up to the totals shown.
 */
export function quotationTotals(lines: QuotationLineInput[]): QuotationTotals {
  let untaxed = new Decimal(0);
  let tax = new Decimal(0);
  const lineTotals = lines.map((line) => {
    const gross = new Decimal(line.quantity).times(line.unitPrice);
    const net = gross.times(new Decimal(100).minus(line.discountPercent)).dividedBy(100).toDecimalPlaces(2);
    const lineTax = net.times(line.taxRate).dividedBy(100).toDecimalPlaces(2);
    untaxed = untaxed.plus(net);
    tax = tax.plus(lineTax);
    return { net: money(net), tax: money(lineTax), total: money(net.plus(lineTax)) };
  });
  return { lines: lineTotals, untaxed: money(untaxed), tax: money(tax), total: money(untaxed.plus(tax)) };
}

export type QuotationAction = 'edit' | 'send' | 'confirm' | 'cancel';

/** draft → sent → confirmed (the order); draft or sent → cancelled. Only a draft is edited. */
export function quotationTransition(
  status: QuotationStatus,
  action: QuotationAction,
): { allowed: true; status: QuotationStatus } | { allowed: false; reason: string } {
  switch (action) {
    case 'edit':
      return status === 'draft' ? { allowed: true, status } : { allowed: false, reason: `A ${status} quotation cannot be changed.` };
    case 'send':
      return status === 'draft' ? { allowed: true, status: 'sent' } : { allowed: false, reason: `A ${status} quotation cannot be sent.` };
    case 'confirm':
      return status === 'draft' || status === 'sent'
        ? { allowed: true, status: 'confirmed' }
        : { allowed: false, reason: `A ${status} quotation cannot be confirmed.` };
    case 'cancel':
      return status === 'draft' || status === 'sent'
        ? { allowed: true, status: 'cancelled' }
        : { allowed: false, reason: `A ${status} quotation cannot be cancelled.` };
  }
}
