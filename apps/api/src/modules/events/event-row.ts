import type { CallDirection, EventStatus, EventType, Recurrence, Reminder, EventPriority } from '@crm/domain';

/**
 * An events row as plain SQL returns it (snake_case columns, as node-postgres
 * parses them): for the modules that read events with SQL of their own (the
 * iCal feed, the reminder worker), each picking the columns it selects.
 * The entity (`Event`) is the same row as TypeORM maps it.
 */
export interface EventRow {
  id: string;
  type: EventType;
  status: EventStatus;
  call_direction: CallDirection | null;
  subject: string;
  description: string | null;
  location: string | null;
  start_at: Date;
  end_at: Date;
  all_day: boolean;
  time_zone: string;
  priority: EventPriority | null;
  assigned_to_id: string;
  team_id: string | null;
  reminders: Reminder[];
  recurrence: Recurrence | null;
  series_end_at: Date | null;
  series_id: string | null;
  original_start_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}
