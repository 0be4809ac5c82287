import dayjs from 'dayjs';

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('MMM D, YYYY') : '';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('MMM D, YYYY HH:mm') : '';
}
