import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXAMPLE_ID } from '../openapi/examples';
import { ApiProblems } from '../openapi/problem.schema';
import type { CsvDownload } from './csv-exporter';
import { MAX_REFUSED_LISTED } from './csv-importer';
import { IMPORT_JOB_STATUSES, type ImportJobStatus } from './import-job.entity';
import { MAX_UPLOAD_BYTES } from './multipart-upload';

export type ImportMode = 'sync' | 'async';

/** The query of `POST /<resource>/import`. */
export class ImportCsvQuery {
  @ApiPropertyOptional({
    description: '`sync` (default): answer 200 with the report when done. `async`: answer 202 with a job id at once; poll `GET /imports/{jobId}`.',
    enum: ['sync', 'async'],
    default: 'sync',
  })
  @IsOptional()
  @IsIn(['sync', 'async'], { message: 'mode must be sync or async' })
  mode?: ImportMode;
}

class RowErrorView {
  @ApiProperty({ description: 'Column (field path) at fault, or `row` for the line as a whole.', example: 'email' })
  field: string;

  @ApiProperty({ description: 'What is wrong, as the API says it for a request body.', example: 'email must be a valid email address' })
  message: string;
}

class RefusedRowView {
  @ApiProperty({ description: 'Line of the file the row starts on; the header is line 1.', example: 7 })
  line: number;

  @ApiProperty({
    description: 'Why the row was refused: one error per field at fault.',
    type: [RowErrorView],
    example: [{ field: 'email', message: 'email must be a valid email address' }],
  })
  errors: RowErrorView[];
}

export class ImportReportView {
  @ApiProperty({ description: 'Rows imported.', example: 998 })
  accepted: number;

  @ApiProperty({
    description: `Rows not imported and why, in file order; at most ${MAX_REFUSED_LISTED} are listed.`,
    type: [RefusedRowView],
    example: [{ line: 7, errors: [{ field: 'email', message: 'email must be a valid email address' }] }],
  })
  refused: RefusedRowView[];

  @ApiProperty({ description: 'All the rows not imported (may exceed the length of `refused`).', example: 2 })
  refusedCount: number;

  @ApiProperty({ description: 'Data rows read: accepted + refusedCount. Blank lines are not counted.', example: 1000 })
  total: number;
}

export class ImportJobStartedView {
  @ApiProperty({ description: 'Poll `GET /imports/{jobId}` for progress.', example: EXAMPLE_ID })
  jobId: string;
}

export class ImportJobView {
  @ApiProperty({ description: 'The job id given when the import started.', example: EXAMPLE_ID })
  jobId: string;

  @ApiProperty({ description: 'What is imported into.', example: 'leads' })
  resource: string;

  @ApiProperty({
    description: '`failed`: nothing was imported (see `error`), including when the server running the import stopped before its end.',
    enum: IMPORT_JOB_STATUSES,
    example: 'running',
  })
  status: ImportJobStatus;

  @ApiProperty({ description: 'Data rows read so far.', example: 42000 })
  processedRows: number;

  @ApiProperty({
    description: 'Rows stored: 0 while `running` and when `failed` (an import stores all its rows at once, when it ends); once `done`, `report.accepted`.',
    example: 0,
  })
  accepted: number;

  @ApiProperty({ description: 'Rows refused so far.', example: 10 })
  refusedCount: number;

  @ApiPropertyOptional({ description: 'The full report, once `done`.', type: ImportReportView })
  report?: ImportReportView;

  @ApiPropertyOptional({ description: 'Why the import failed, once `failed`.', example: 'The file is not valid CSV; nothing was imported.' })
  error?: string;
}

const FILE_BODY = (what: string, columns: string[]) => ({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: [
          `A UTF-8 CSV file (comma-separated, RFC 4180 quoting, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB) whose first line names the columns, any subset in any order of:`,
          columns.map((c) => `\`${c}\``).join(', ') + '.',
          'Nested fields are dotted (`address.city`); booleans are `true`/`false`; an empty cell leaves the field out. A file exported by this API imports as it is.',
          `Each row is validated as the body of a \`POST /${what}\`.`,
        ].join(' '),
      },
    },
  },
});

/** Documents `POST /<resource>/import` (besides its summary and description). */
export const ApiCsvImport = (what: string, columns: string[]) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody(FILE_BODY(what, columns)),
    ApiExtraModels(ImportReportView),
    ApiOkResponse({ description: 'Imported (`mode=sync`): accepted and refused rows.', type: ImportReportView }),
    ApiAcceptedResponse({ description: 'Started (`mode=async`): poll the job.', type: ImportJobStartedView }),
    ApiProblems(400, 413),
  );

/** Documents `GET /<resource>/export.csv` (besides its summary and description). */
export const ApiCsvExport = (columns: string[]) =>
  applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: `CSV (UTF-8) with a header row of the import's columns (${columns.join(', ')}); cells a spreadsheet would run as formulas start with \`'\`.`,
      content: { 'text/csv': { schema: { type: 'string' } } },
    }),
    ApiProblems(400),
  );

/** The HTTP body of an export: CSV, downloaded under its name. */
export function csvFile(download: CsvDownload): StreamableFile {
  return new StreamableFile(download.stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${download.filename}"`,
  });
}
