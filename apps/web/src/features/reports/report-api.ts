import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { ReportName, ReportQuery } from './report-data';

/** One chart of the CRM; the last answer stays on screen while the filters change. */
export function useReport(name: ReportName, query: ReportQuery) {
  return useQuery({
    queryKey: ['/api/v1/reports', name, query] as const,
    queryFn: async () => unwrap(await client.GET('/api/v1/reports/{name}', { params: { path: { name }, query } })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
