import { Module } from '@nestjs/common';
import { TeamMembershipService } from './team-membership.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({
  controllers: [TeamsController],
  providers: [TeamsService, TeamMembershipService],
  exports: [TeamMembershipService],
})
export class TeamsModule {}
