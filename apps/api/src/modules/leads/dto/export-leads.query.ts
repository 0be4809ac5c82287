import { OmitType } from '@nestjs/swagger';
import { ListLeadsQuery } from './lead.dto';

/** The list's search, filters and sort; an export has every matching row, so no paging. */
export class ExportLeadsQuery extends OmitType(ListLeadsQuery, ['page', 'pageSize'] as const) {}
