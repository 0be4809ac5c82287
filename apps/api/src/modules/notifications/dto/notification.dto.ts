import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListQueryDto } from '../../../platform/listing/list-query.dto';
import { BooleanQuery } from '../../../platform/listing/query-transforms';

export class ListNotificationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only unread (true) or only read (false) notifications.', example: true })
  @BooleanQuery()
  unread?: boolean;
}

export class UnreadCount {
  @ApiProperty({ description: 'Unread notifications of the caller.', example: 3 })
  unread: number;
}

export class ReadAllResult {
  @ApiProperty({ description: 'How many notifications this call marked read.', example: 3 })
  marked: number;
}
