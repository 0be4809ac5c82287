import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO4217CurrencyCode, IsOptional, IsUUID } from 'class-validator';
import { DayQuery } from '../../../platform/listing/query-transforms';
import { EXAMPLE_ID } from '../../../platform/openapi/examples';
import { REPORT_LISTS, REPORT_UNITS, type ReportList, type ReportUnit } from '../report-charts';

export class ReportQuery {
  @DayQuery("First day counted (inclusive), in the organisation's time zone. Default: 1 January of the current year.", '2026-01-01')
  from?: string;

  @DayQuery(
    "Last day counted (inclusive), in the organisation's time zone; at most 5 years after `from`. Default: today (the forecast: 31 December of the current year).",
    '2026-12-31',
  )
  to?: string;

  @ApiPropertyOptional({ description: "One salesperson's records (their `assignedToId`).", format: 'uuid', example: EXAMPLE_ID })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId?: string;

  @ApiPropertyOptional({
    description: "A team's records: put on the team, or assigned to one of its members.",
    format: 'uuid',
    example: EXAMPLE_ID,
  })
  @IsOptional()
  @IsUUID('all', { message: 'teamId must be a UUID' })
  teamId?: string;

  @ApiPropertyOptional({
    description: 'Amount reports: the currency summed (amounts of different currencies are never added up). Default: the one most records of the report have.',
    example: 'EUR',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}

export class ReportPoint {
  @ApiProperty({
    description: "The category (a stage, a status, a type, a salesperson's name, a source's name) or the month (`YYYY-MM`).",
    example: 'proposition',
  })
  x: string;

  @ApiProperty({
    description:
      'The value: a count (integer), an amount (decimal string, summed exactly), or a percentage with one decimal (null when nothing was there to divide by).',
    oneOf: [{ type: 'number' }, { type: 'string' }],
    nullable: true,
    example: '12500.00',
  })
  y: number | string | null;

  @ApiProperty({
    description: "The query string of the report's list (`list`) that gives exactly the records behind the point, for drill-down.",
    example: 'stage=proposition&currency=EUR&assignedToId=01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41',
  })
  filter: string;
}

export class ReportSeries {
  @ApiProperty({ description: 'Stable key of the series (a status, a stage, `amount`...), for colours and legends.', example: 'closed_won' })
  key: string;

  @ApiProperty({ description: 'Its name, for people.', example: 'Won' })
  name: string;

  @ApiProperty({
    description: 'One point per category or month; every series of a report has the same `x`, in the same order.',
    type: [ReportPoint],
    example: [
      { x: 'Alice Martin', y: 3, filter: 'assignedToId=01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41&stage=closed_won&closedFrom=2026-01-01&closedTo=2026-12-31' },
    ],
  })
  points: ReportPoint[];
}

export class ReportView {
  @ApiProperty({ description: 'The report asked for.', example: 'opportunities-pipeline' })
  name: string;

  @ApiProperty({ description: 'Its title.', example: 'Pipeline by stage' })
  title: string;

  @ApiProperty({ description: 'What `y` is.', enum: REPORT_UNITS, example: 'amount' })
  unit: ReportUnit;

  @ApiProperty({
    description: "The list the points' `filter` applies to: `GET /api/v1/<list>?<filter>`.",
    enum: REPORT_LISTS,
    example: 'opportunities',
  })
  list: ReportList;

  @ApiPropertyOptional({ description: 'Amount reports: the currency of every amount.', example: 'EUR' })
  currency?: string;

  @ApiPropertyOptional({
    description: 'Amount reports: every currency the records of the report have, to switch with `currency`.',
    type: [String],
    example: ['EUR', 'USD'],
  })
  currencies?: string[];

  @ApiProperty({
    description: 'First day counted (after the default); null for a report of what stands now (the pipeline).',
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-01-01',
  })
  from: string | null;

  @ApiProperty({
    description: 'Last day counted, inclusive; null for a report of what stands now.',
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-12-31',
  })
  to: string | null;

  @ApiProperty({
    description: 'The series of the chart (one, or several stacked or side by side).',
    type: [ReportSeries],
    example: [{ key: 'amount', name: 'Amount', points: [{ x: 'proposition', y: '12500.00', filter: 'stage=proposition&currency=EUR' }] }],
  })
  series: ReportSeries[];
}
