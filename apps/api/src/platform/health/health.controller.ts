import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { databaseUnavailable } from '../errors/database-errors';
import { ApiProblems } from '../openapi/problem.schema';

class Health {
  @ApiProperty({ description: 'ok once the database answers.', example: 'ok' })
  status: 'ok';
}

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database check', description: 'No authentication. 503 while the database does not answer.' })
  @ApiOkResponse({ type: Health })
  @ApiProblems(503)
  async check(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw databaseUnavailable();
    }
    return { status: 'ok' };
  }
}
