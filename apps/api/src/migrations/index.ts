import { Foundation1764300000000 } from './1764300000000-foundation';
import { Prospecting1764350000000 } from './1764350000000-prospecting';
import { OutboundEmails1764360000000 } from './1764360000000-outbound-emails';
import { ImportJobs1764400000000 } from './1764400000000-import-jobs';
import { Pipeline1764500000000 } from './1764500000000-pipeline';
import { PipelineTotals1764520000000 } from './1764520000000-pipeline-totals';
import { Events1764600000000 } from './1764600000000-events';
import { Calendars1764610000000 } from './1764610000000-calendars';
import { NotificationOccurrence1764620000000 } from './1764620000000-notification-occurrence';
import { CalendarRangeIndexes1764630000000 } from './1764630000000-calendar-range-indexes';
import { CalendarVersions1764640000000 } from './1764640000000-calendar-versions';
import { LoginAttempts1764700000000 } from './1764700000000-login-attempts';
import { ImportJobOwners1764710000000 } from './1764710000000-import-job-owners';
import { SettingsTeamReferences1764720000000 } from './1764720000000-settings-team-references';
import { DuplicateCandidates1764800000000 } from './1764800000000-duplicate-candidates';
import { WonDatesAndTimeZone1764810000000 } from './1764810000000-won-dates-and-time-zone';
import { Objectives1764820000000 } from './1764820000000-objectives';
import { ReportIndexes1764830000000 } from './1764830000000-report-indexes';

/** Every migration, oldest first. Landed migrations are never rewritten. */
export const MIGRATIONS = [
  Foundation1764300000000,
  Prospecting1764350000000,
  OutboundEmails1764360000000,
  ImportJobs1764400000000,
  Pipeline1764500000000,
  PipelineTotals1764520000000,
  Events1764600000000,
  Calendars1764610000000,
  NotificationOccurrence1764620000000,
  CalendarRangeIndexes1764630000000,
  CalendarVersions1764640000000,
  LoginAttempts1764700000000,
  ImportJobOwners1764710000000,
  SettingsTeamReferences1764720000000,
  DuplicateCandidates1764800000000,
  WonDatesAndTimeZone1764810000000,
  Objectives1764820000000,
  ReportIndexes1764830000000,
];
