import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { countDataLines, fetchImportJob, startImport, type ImportJob, type ImportReport } from '../../api/files';
import { resourceKeys } from '../../api/resources';
import type { CollectionPath } from '../../api/resource-types';

const POLL_MS = 500;

export type ImportProgress =
  | { step: 'choose' }
  | { step: 'running'; processed: number; expected: number | null }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; error: unknown };

/**
 * A CSV import into a collection: upload in the background (`?mode=async`),
 * poll the job for its progress, then its report. The list is refetched
 * once rows were accepted.
 */
export function useImport(base: CollectionPath, importPath: string) {
  const queryClient = useQueryClient();
  const [expected, setExpected] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: async (file: File) => {
      // The row count is only for the progress bar: an unreadable file still uploads.
      void countDataLines(file).then(setExpected, () => setExpected(null));
      return startImport(importPath, file);
    },
    onSuccess: (started) => {
      if (started.kind === 'done' && started.report.accepted > 0) void queryClient.invalidateQueries({ queryKey: resourceKeys.all(base) });
    },
  });
  const jobId = upload.data?.kind === 'job' ? upload.data.jobId : null;
  const job = useQuery({
    queryKey: ['imports', jobId],
    enabled: jobId !== null,
    queryFn: async (): Promise<ImportJob> => {
      const current = await fetchImportJob(jobId!);
      if (current.status === 'done' && current.accepted > 0) void queryClient.invalidateQueries({ queryKey: resourceKeys.all(base) });
      return current;
    },
    refetchInterval: (query) => (query.state.data && query.state.data.status !== 'running' ? false : POLL_MS),
    // Each poll is a new answer, never one to reuse.
    staleTime: 0,
    gcTime: 0,
  });

  const progress = ((): ImportProgress => {
    if (upload.isError) return { step: 'failed', error: upload.error };
    if (upload.data?.kind === 'done') return { step: 'done', report: upload.data.report };
    if (job.isError) return { step: 'failed', error: job.error };
    const current = job.data;
    if (current?.status === 'done')
      return {
        step: 'done',
        report: current.report ?? { accepted: current.accepted, refused: [], refusedCount: current.refusedCount, total: current.processedRows },
      };
    if (current?.status === 'failed') return { step: 'failed', error: new Error(current.error ?? 'The import failed; nothing was imported.') };
    if (upload.isPending || jobId) return { step: 'running', processed: current?.processedRows ?? 0, expected };
    return { step: 'choose' };
  })();

  const reset = () => {
    upload.reset();
    setExpected(null);
  };
  return { progress, start: (file: File) => upload.mutate(file), reset };
}
