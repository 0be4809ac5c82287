import { PickType } from '@nestjs/swagger';
import { ListQueryDto } from '../listing/list-query.dto';

/** A timeline pages like any list, newest first; it has no search or sort. */
export class TimelineQueryDto extends PickType(ListQueryDto, ['page', 'pageSize'] as const) {}
