import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/auth.decorators';
import { IdParam } from '../http/id-param';
import { ApiProblems } from '../openapi/problem.schema';
import { ImportJobView } from './csv-api';
import { ImportJobsService } from './import-jobs.service';

@ApiTags('Imports')
@Controller('imports')
export class ImportJobsController {
  constructor(private readonly jobs: ImportJobsService) {}

  @Get(':jobId')
  @ApiOperation({
    summary: 'Progress of a background import',
    description:
      'For imports started with `?mode=async`. `running` with the rows read and refused so far (`accepted` stays 0: nothing is stored before the end); `done` with the full report (the accepted rows were stored then, all at once); `failed` with the reason, nothing imported (`accepted` 0), also when the server running the import stopped. Only the user who started the import sees it (404 for anyone else).',
  })
  @ApiOkResponse({ type: ImportJobView })
  @ApiProblems(400, 404)
  get(@IdParam('jobId') jobId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ImportJobView> {
    return this.jobs.get(jobId, actor);
  }
}
