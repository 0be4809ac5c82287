import { describe, expect, it } from 'vitest';
import { quotationTotals, quotationTransition } from './quotations.js';

describe('quotationTotals', () => {
  it('computes exact line and quotation totals', () => {
    const totals = quotationTotals([
      { quantity: '3', unitPrice: '19.99', discountPercent: '0', taxRate: '20' },
      { quantity: '1.5', unitPrice: '100.00', discountPercent: '10', taxRate: '5.5' },
    ]);
    expect(totals.lines).toEqual([
      { net: '59.97', tax: '11.99', total: '71.96' },
      { net: '135.00', tax: '7.43', total: '142.43' },
    ]);
    expect(totals).toMatchObject({ untaxed: '194.97', tax: '19.42', total: '214.39' });
  });

  it('has no binary floating-point error (0.1 + 0.2)', () => {
    const totals = quotationTotals([
      { quantity: '1', unitPrice: '0.10', discountPercent: '0', taxRate: '0' },
      { quantity: '1', unitPrice: '0.20', discountPercent: '0', taxRate: '0' },
    ]);
    expect(totals.total).toBe('0.30');
  });

  it('rounds half up to the cent per line', () => {
    expect(quotationTotals([{ quantity: '1', unitPrice: '0.125', discountPercent: '0', taxRate: '0' }]).total).toBe('0.13');
    expect(quotationTotals([{ quantity: '1', unitPrice: '10.00', discountPercent: '0', taxRate: '0.05' }]).tax).toBe('0.01');
  });

  it('handles big amounts exactly', () => {
    expect(quotationTotals([{ quantity: '1000', unitPrice: '99999999999.99', discountPercent: '0', taxRate: '20' }]).total).toBe('119999999999988.00');
  });

  it('gives zero totals for no lines, and a full discount', () => {
    expect(quotationTotals([])).toEqual({ lines: [], untaxed: '0.00', tax: '0.00', total: '0.00' });
    expect(quotationTotals([{ quantity: '2', unitPrice: '50', discountPercent: '100', taxRate: '20' }]).total).toBe('0.00');
  });
});

describe('quotationTransition', () => {
  it.each([
    ['draft', 'edit', 'draft'],
    ['sent', 'edit', null],
    ['draft', 'send', 'sent'],
    ['sent', 'send', null],
    ['draft', 'confirm', 'confirmed'],
    ['sent', 'confirm', 'confirmed'],
    ['confirmed', 'confirm', null],
    ['cancelled', 'confirm', null],
    ['draft', 'cancel', 'cancelled'],
    ['sent', 'cancel', 'cancelled'],
    ['confirmed', 'cancel', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    const result = quotationTransition(from, action);
    expect(result.allowed ? result.status : null).toBe(to);
  });
});
