import { Global, Module } from '@nestjs/common';
import { HistoryService } from './history.service';

/** Global: every domain module records into the timeline. */
@Global()
@Module({ providers: [HistoryService], exports: [HistoryService] })
export class HistoryModule {}
