import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('MMM D, YYYY') : '';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('MMM D, YYYY HH:mm') : '';
}

/** "3 hours ago", "in 2 days". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  return dayjs(iso).from(now);
}

const money = new Map<string, Intl.NumberFormat>();

/** "€12,500.00" from the API's decimal string and currency code; the raw text when it cannot be formatted. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const code = currency || 'EUR';
  try {
    let format = money.get(code);
    if (!format) {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
      money.set(code, format);
    }
    return format.format(Number(amount));
  } catch {
    // An unknown currency code: show what the API sent.
    return `${amount} ${code}`;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A list filter's value for people: a day as a date, a flag as Yes/No, an id as the name `nameOf` knows. */
export function moreFilterText(value: string, nameOf: (id: string) => string | undefined): string {
  if (DAY.test(value)) return formatDate(value);
  if (value === 'true' || value === 'false') return value === 'true' ? 'Yes' : 'No';
  return nameOf(value) ?? value;
}
