import { VersionedPartial } from '../../../platform/database/versioned-partial';
import { CreateUserDto } from './create-user.dto';

export class UpdateUserDto extends VersionedPartial(CreateUserDto) {}
