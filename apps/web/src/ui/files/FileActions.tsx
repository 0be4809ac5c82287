import { Button } from '@mantine/core';
import { IconDownload, IconPrinter, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { exportUrl, fileEndpoints } from '../../api/files';
import type { CollectionPath, ListQuery } from '../../api/resource-types';
import { ImportDialog } from './ImportDialog';

interface ListFileActionsProps {
  base: CollectionPath;
  /** The list's current query: the export takes its search, filters and sort. */
  query: ListQuery;
  /** Plural noun: "leads". */
  noun: string;
}

/** Import CSV and Export CSV for a list, each shown only once the API has it. */
export function ListFileActions({ base, query, noun }: ListFileActionsProps) {
  const endpoints = fileEndpoints(base);
  const [importing, setImporting] = useState(false);
  return (
    <>
      {endpoints.importCsv && (
        <>
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
            Import CSV
          </Button>
          <ImportDialog base={base} importPath={endpoints.importCsv} noun={noun} opened={importing} onClose={() => setImporting(false)} />
        </>
      )}
      {endpoints.exportCsv && (
        // A plain link: the browser streams the file to disk with the session cookie, however big it is.
        <Button component="a" href={exportUrl(endpoints.exportCsv, query)} download variant="default" leftSection={<IconDownload size={16} />}>
          Export CSV
        </Button>
      )}
    </>
  );
}

/** Opens the record's PDF report in a new tab, when the API has one for this collection. */
export function PrintButton({ base, id }: { base: CollectionPath; id: string }) {
  const report = fileEndpoints(base).report;
  if (!report) return null;
  return (
    <Button component="a" href={report(id)} target="_blank" rel="noopener" variant="default" leftSection={<IconPrinter size={16} />}>
      Print
    </Button>
  );
}
