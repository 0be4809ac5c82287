import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

@Module({ imports: [SettingsModule], controllers: [PartnersController], providers: [PartnersService], exports: [PartnersService] })
export class PartnersModule {}
