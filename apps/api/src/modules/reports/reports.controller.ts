import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { ReportQuery, ReportView } from './dto/report.dto';
import { REPORT_NAMES, REPORTS } from './report-catalogue';
import { ReportsService } from './reports.service';

const CATALOGUE = REPORT_NAMES.map(
  (name) => `- \`${name}\` (${REPORTS[name].unit}, drills down to \`${REPORTS[name].list}\`): ${REPORTS[name].description}`,
).join('\n');

@ApiTags('Reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':name')
  @ApiOperation({
    summary: 'A chart of the CRM',
    description:
      "One chart's series. Days are the organisation's (CRM settings `timeZone`): `from` and `to` are inclusive calendar days there, months are its months. " +
      "`userId` narrows to one salesperson, `teamId` to a team (its own records and its members'). " +
      'Each point carries `filter`, the query string of the list named by `list` that gives exactly its records. ' +
      'Amount reports sum one currency (`currency`, default the commonest) and name every one there is (`currencies`). ' +
      'An unknown name: 404.\n\n' +
      CATALOGUE,
  })
  @ApiParam({ name: 'name', description: 'Which report.', enum: REPORT_NAMES })
  @ApiOkResponse({ type: ReportView })
  @ApiProblems(400, 404)
  report(@Param('name') name: string, @Query() query: ReportQuery, @CurrentUser() actor: AuthenticatedUser): Promise<ReportView> {
    return this.reports.report(name, query, actor);
  }
}
