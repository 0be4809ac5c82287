import { Module } from '@nestjs/common';
import { OpportunitiesModule } from '../opportunities';
import { SettingsModule } from '../settings';
import { QuotationsController } from './quotations.controller';
import { QuotationsService } from './quotations.service';

@Module({ imports: [OpportunitiesModule, SettingsModule], controllers: [QuotationsController], providers: [QuotationsService] })
export class QuotationsModule {}
