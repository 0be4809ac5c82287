import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts';
import { LeadsModule } from '../leads';
import { PartnersModule } from '../partners';
import { SettingsModule } from '../settings';
import { EmailController } from './email.controller';
import { EmailService } from './email.service';

@Module({
  imports: [SettingsModule, LeadsModule, PartnersModule, ContactsModule],
  controllers: [EmailController],
  providers: [EmailService],
  exports: [EmailService],
})
export class EmailModule {}
