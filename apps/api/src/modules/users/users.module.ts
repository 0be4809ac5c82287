import { Module } from '@nestjs/common';
import { TeamsModule } from '../teams';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TeamsModule],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
