import apiPaths from 'virtual:api-paths';
import { client } from './client';
import { unwrap } from './problem';
import { generic } from './resources';
import type { CollectionPath, ListQuery } from './resource-types';
import type { components } from './schema';

export type ImportReport = components['schemas']['ImportReportView'];
export type ImportJob = components['schemas']['ImportJobView'];

const available = new Set(apiPaths);

/** The file endpoints of a collection that the API has; null where it has none (yet). */
export interface FileEndpoints {
  /** `GET {base}/export.csv`, taking the list's filters. */
  exportCsv: string | null;
  /** `POST {base}/import` (multipart, field `file`). */
  importCsv: string | null;
  /** `GET {base}/{id}/report.pdf`. */
  report: ((id: string) => string) | null;
}

export function fileEndpoints(base: CollectionPath): FileEndpoints {
  return {
    exportCsv: available.has(`${base}/export.csv`) ? `${base}/export.csv` : null,
    importCsv: available.has(`${base}/import`) ? `${base}/import` : null,
    report: available.has(`${base}/{id}/report.pdf`) ? (id) => `${base}/${encodeURIComponent(id)}/report.pdf` : null,
  };
}

/** The export URL for what the list shows: same search, filters and sort, all pages. */
export function exportUrl(exportPath: string, query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${exportPath}?${search}` : exportPath;
}

export type ImportStart = { kind: 'job'; jobId: string } | { kind: 'done'; report: ImportReport };

/**
 * Uploads a CSV file for a background import. An API that answers the
 * import at once (200 with the report) is taken as it comes.
 */
export async function startImport(importPath: string, file: File): Promise<ImportStart> {
  const body = new FormData();
  body.append('file', file);
  const result = await generic.POST(importPath, { body, params: { query: { mode: 'async' } } });
  const data = unwrap(result);
  if (result.response.status === 202) return { kind: 'job', jobId: (data as { jobId: string }).jobId };
  return { kind: 'done', report: data as ImportReport };
}

export async function fetchImportJob(jobId: string): Promise<ImportJob> {
  return unwrap(await client.GET('/api/v1/imports/{jobId}', { params: { path: { jobId } } }));
}

/**
 * Data lines in a CSV file, for the progress bar (the job reports rows read
 * but not how many there are). Counts line breaks without holding the file
 * as text; a quoted value spanning lines makes it a slight overestimate.
 */
export async function countDataLines(file: Blob): Promise<number> {
  let breaks = 0;
  let last = 10;
  for await (const chunk of chunksOf(file)) {
    for (const byte of chunk) if (byte === 10) breaks += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
  }
  // The header is not data; a last line without a final line break still is.
  const lines = breaks + (last === 10 ? 0 : 1);
  return Math.max(0, lines - 1);
}

async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  // Blob.stream is missing from some engines (jsdom among them): read the file whole there.
  if (!('stream' in file) || typeof file.stream !== 'function') {
    yield new TextEncoder().encode(await file.text());
    return;
  }
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
