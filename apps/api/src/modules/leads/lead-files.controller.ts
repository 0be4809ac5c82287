import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../platform/http/id-param';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { LeadFilesService } from './lead-files.service';

/** The lead as a printable PDF report. */
@ApiTags('Leads')
@Controller('leads')
export class LeadFilesController {
  constructor(private readonly files: LeadFilesService) {}

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
