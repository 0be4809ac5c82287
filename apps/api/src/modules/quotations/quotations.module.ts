import { Module } from '@nestjs/common';
import { OpportunitiesModule } from '../opportunities';
import { PartnersModule } from '../partners';
import { SettingsModule } from '../settings';
import { QuotationsController } from './quotations.controller';
import { QuotationsService } from './quotations.service';

@Module({
  imports: [OpportunitiesModule, PartnersModule, SettingsModule],
  controllers: [QuotationsController],
  providers: [QuotationsService],
  exports: [QuotationsService],
})
export class QuotationsModule {}
