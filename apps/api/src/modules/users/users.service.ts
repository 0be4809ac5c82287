import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { hashPassword } from '../../platform/auth/password';
import { SessionCache } from '../../platform/auth/session-cache';
import { newId } from '../../platform/database/ids';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { forbidden, notFound, ruleViolation } from '../../platform/errors/domain-error';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { TeamMembershipService } from '../teams';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './dto/user.view';
import { User } from './user.entity';

/**
 * The alias is `users`, not `user`: `user` is a PostgreSQL keyword (the
 * current role's name), so `user.search_text` in a raw condition, which
 * TypeORM leaves unquoted, failed every search.
 */
const USER_LIST: ListSpec = {
  alias: 'users',
  filters: {
    role: 'users.role',
    active: 'users.active',
    teamId: (value) => `EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = users.id AND tm.team_id = ${value})`,
  },
  sorts: { name: 'users.name', email: 'users.email', role: 'users.role', createdAt: 'users.created_at' },
  searchColumn: 'users.search_text',
  defaultSort: 'name',
};

/** Fields a user may change on their own record; the rest is for admins. */
const SELF_EDITABLE = new Set(['name', 'password', 'version']);

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly membership: TeamMembershipService,
    private readonly sessions: SessionCache,
  ) {}

  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const page = await runList(this.dataSource.getRepository(User).createQueryBuilder(USER_LIST.alias), query, USER_LIST);
    return { ...page, items: await this.withTeams(page.items) };
  }

  async get(id: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('user', id);
    const [view] = await this.withTeams([user]);
    return view;
  }

  /** id → name of these users (unknown ids are left out), for reports and labels; one query, in the caller's transaction if given. */
  async namesOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const users = unique.length ? await manager.getRepository(User).find({ select: { id: true, name: true }, where: { id: In(unique) } }) : [];
    return new Map(users.map((user) => [user.id, user.name]));
  }

  /** For sign-in only: the one read that loads the password hash. */
  async findForLogin(email: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
  }

  async create(dto: CreateUserDto, actor: AuthenticatedUser | null): Promise<UserView> {
    const id = newId();
    const { password, teamIds, ...fields } = dto;
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(User, { ...fields, id, passwordHash, createdById: actor?.id ?? null });
      await this.membership.setTeamsOfUser(manager, id, teamIds ?? []);
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthenticatedUser): Promise<UserView> {
    if (actor.role !== 'admin') {
      if (actor.id !== id) throw forbidden('Only an admin may change other users.');
      const adminOnly = Object.keys(dto).filter((key) => !SELF_EDITABLE.has(key));
      if (adminOnly.length) throw forbidden(`Only an admin may change ${adminOnly.join(', ')}.`);
    }
    const { password, teamIds, version, ...fields } = dto;
    const changes: Partial<User> = { ...fields };
    if (password) changes.passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await updateVersioned(manager, User, 'user', id, version, changes);
      if (teamIds) await this.membership.setTeamsOfUser(manager, id, teamIds);
      await this.assertAnActiveAdminRemains(manager);
    });
    this.sessions.forgetUser(id);
    return this.get(id);
  }

  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    if (id === actor.id) throw ruleViolation('CANNOT_DELETE_SELF', 'You cannot delete your own user.');
    await this.dataSource.transaction(async (manager) => {
      await deleteById(manager, User, 'user', id);
      await this.assertAnActiveAdminRemains(manager);
    });
    this.sessions.forgetUser(id);
  }

  /** On a first start, the administrator the environment names (contract: Running). */
  async ensureFirstAdmin(email: string, password: string, passwordFromDefault: boolean): Promise<void> {
    if (await this.dataSource.getRepository(User).exists()) return;
    await this.create({ email, password, name: 'Administrator', role: 'admin' }, null);
    this.logger.log(`Created the first administrator: ${email}`);
    if (passwordFromDefault) this.logger.warn(`The administrator's password is the default "${password}": set CRM_ADMIN_PASSWORD or change it.`);
  }

  /**
   * Checked inside the changing transaction, after the change, with the
   * admin rows locked: two admins demoting each other at once cannot leave
   * the CRM without one.
   */
  private async assertAnActiveAdminRemains(manager: EntityManager): Promise<void> {
    const admins: { id: string }[] = await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`);
    if (!admins.length) throw ruleViolation('LAST_ADMIN', 'The CRM needs at least one active administrator.');
  }

  private async withTeams(users: User[]): Promise<UserView[]> {
    const teams = await this.membership.teamsOfUsers(users.map((user) => user.id));
    return users.map((user) => ({ ...user, teamIds: teams.get(user.id) ?? [] }));
  }
}
