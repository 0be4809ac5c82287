import { Controller, Get, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { ApiCsvExport, ApiCsvImport, csvFile, ImportCsvQuery } from '../../platform/csv/csv-api';
import { withUploadedFile } from '../../platform/csv/multipart-upload';
import { IdParam } from '../../platform/http/id-param';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { ExportLeadsQuery } from './dto/export-leads.query';
import { LEAD_CSV } from './lead-csv';
import { LeadFilesService } from './lead-files.service';

const COLUMNS = Object.keys(LEAD_CSV.columns);

/** Leads as files: CSV import and export, PDF report. Listed before LeadsController, so `export.csv` is not taken for an `:id`. */
@ApiTags('Leads')
@Controller('leads')
export class LeadFilesController {
  constructor(private readonly files: LeadFilesService) {}

  @Post('import')
  @ApiOperation({
    summary: 'Import leads from CSV',
    description:
      'Each row is validated like the body of `POST /leads` and follows its rules: status `new`, assigned to you unless `assignedToId` says otherwise, created by you; `sourceId`, `assignedToId` and `teamId` must name existing records. Accepted rows are stored together in one transaction (a failure stores none); refused rows are reported with their line (the header is line 1) and field errors. A header naming an unknown column refuses the whole file (400).',
  })
  @ApiCsvImport('leads', COLUMNS)
  async import(@Req() request: Request, @Res() response: Response, @Query() query: ImportCsvQuery, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    if (query.mode === 'async') {
      response.status(202).json(await withUploadedFile(request, 'file', (file) => this.files.importInBackground(file, actor)));
    } else {
      response.status(200).json(await withUploadedFile(request, 'file', (file) => this.files.importNow(file, actor)));
    }
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'Export leads as CSV',
    description:
      'Every lead the list (`GET /leads`) would show for the same `q`, filters and `sort`, without paging, in the import format: the file imports back as it is. Downloaded as `leads-YYYY-MM-DD.csv`.',
  })
  @ApiCsvExport(COLUMNS)
  async export(@Query() query: ExportLeadsQuery): Promise<StreamableFile> {
    return csvFile(await this.files.exportCsv(query));
  }

  @Get(':id/report.pdf')
  @ApiOperation({
    summary: 'Lead report (PDF)',
    description: 'One page on the lead: name and company, status, source, assignee, contact details, address, description and recent activity.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The report.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  async report(@IdParam() id: string): Promise<StreamableFile> {
    const { filename, pdf } = await this.files.report(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"` });
  }
}
