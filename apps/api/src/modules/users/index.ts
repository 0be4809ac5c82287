// What other modules may use of users: the module, its service and the view it answers.
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export { UserView } from './dto/user.view';
// Read directly by leads (an assignee's existence): a table read to move behind UsersService.
export { User } from './user.entity';
