import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings';
import { TeamsModule } from '../teams';
import { ObjectivesController } from './objectives.controller';
import { ObjectivesService } from './objectives.service';

@Module({
  imports: [SettingsModule, TeamsModule],
  controllers: [ObjectivesController],
  providers: [ObjectivesService],
  exports: [ObjectivesService],
})
export class ObjectivesModule {}
