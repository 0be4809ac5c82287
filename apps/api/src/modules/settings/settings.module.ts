import { Module } from '@nestjs/common';
import { CrmSettingsController } from './crm-settings.controller';
import { CrmSettingsService } from './crm-settings.service';

@Module({ controllers: [CrmSettingsController], providers: [CrmSettingsService], exports: [CrmSettingsService] })
export class SettingsModule {}
