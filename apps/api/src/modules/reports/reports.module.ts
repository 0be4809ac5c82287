import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings';
import { ObjectivesModule } from '../objectives';
import { UsersModule } from '../users';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Charts composed from the sums each owning module exports (opportunities, leads, events); no table of its own. */
@Module({ imports: [SettingsModule, UsersModule, ObjectivesModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
