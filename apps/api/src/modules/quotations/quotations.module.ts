import { Module } from '@nestjs/common';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { SettingsModule } from '../settings/settings.module';
import { QuotationsController } from './quotations.controller';
import { QuotationsService } from './quotations.service';

@Module({ imports: [OpportunitiesModule, SettingsModule], controllers: [QuotationsController], providers: [QuotationsService] })
export class QuotationsModule {}
