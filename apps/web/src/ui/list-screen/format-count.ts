const numbers = new Intl.NumberFormat('en-US');

/** "1–50 of 1,234", or "1–50 of about 1,234,000" when the API only estimated the total. */
export function rangeLabel(page: number, pageSize: number, shown: number, total: number, totalExact: boolean): string {
  if (shown === 0) return totalExact ? `0 of ${numbers.format(total)}` : `0 of about ${numbers.format(total)}`;
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  const of = totalExact ? numbers.format(total) : `about ${numbers.format(total)}`;
  return `${numbers.format(first)}–${numbers.format(last)} of ${of}`;
}
