import { describe, expect, it } from 'vitest';
import { editorTotals, newLine, patchLines } from './quotation-lines';

const line = (quantity: string, unitPrice: string, discountPercent = '0', taxRate = '0') => ({
  ...newLine(),
  description: 'x',
  quantity,
  unitPrice,
  discountPercent,
  taxRate,
});

describe('editorTotals', () => {
  it('computes line and quotation totals exactly', () => {
    const totals = editorTotals([line('3', '19.99', '0', '20'), line('1.5', '100.00', '10', '5.5')]);
    expect(totals.lines.map((l) => l.total)).toEqual(['71.96', '142.43']);
    expect(totals).toMatchObject({ untaxed: '194.97', tax: '19.42', total: '214.39' });
  });

  it('counts text that is not a number yet as zero', () => {
    expect(editorTotals([line('', '12.'), line('2', '5')]).total).toBe('10.00');
    expect(editorTotals([]).total).toBe('0.00');
  });
});

describe('patchLines', () => {
  it('trims and drops the editor keys', () => {
    expect(patchLines([{ key: 'k', description: ' Seats ', quantity: ' 2', unitPrice: '10 ', discountPercent: '', taxRate: '20' }])).toEqual([
      { description: 'Seats', quantity: '2', unitPrice: '10', discountPercent: '0', taxRate: '20' },
    ]);
  });
});
