import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Post, Query, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser, Roles } from '../../platform/auth/auth.decorators';
import { AuditedEntity } from '../../platform/database/audited.entity';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { ListQueryDto } from '../../platform/listing/list-query.dto';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { ReferenceListDefinition, ReferenceListService } from './reference-list';

export const serviceToken = (definition: ReferenceListDefinition<AuditedEntity>) => `ReferenceListService:${definition.path}`;

/**
 * Builds the controller of one reference list: anyone signed in reads it (the
 * forms need it), only admins change it. The DTO classes are set as the
 * parameter types after the fact, so the global validation pipe and the
 * OpenAPI document see the real classes.
 */
export function createReferenceListController<E extends AuditedEntity>(definition: ReferenceListDefinition<E>): Type<unknown> {
  const { path, what, entity } = definition;
  const plural = path.replace(/-/g, ' ');

  @ApiTags('Configuration')
  @Controller(path)
  class ReferenceListController {
    constructor(@Inject(serviceToken(definition)) private readonly service: ReferenceListService<E>) {}

    @Get()
    @ApiOperation({ summary: `List ${plural}`, description: `Search (\`q\`) over name and code.` })
    @ApiPageResponse(entity)
    @ApiProblems(400)
    list(@Query() query: ListQueryDto): Promise<Page<E>> {
      return this.service.list(query);
    }

    @Get(':id')
    @ApiOperation({ summary: `Get a ${what}` })
    @ApiOkResponse({ type: entity })
    @ApiProblems(400, 404)
    get(@IdParam() id: string): Promise<E> {
      return this.service.get(id);
    }

    @Post()
    @Roles('admin')
    @ApiOperation({ summary: `Create a ${what} (admin)` })
    @ApiCreatedResponse({ type: entity })
    @ApiProblems(400, 403, 409)
    create(@Body() dto: object, @CurrentUser() actor: AuthenticatedUser): Promise<E> {
      return this.service.create(dto, actor);
    }

    @Patch(':id')
    @Roles('admin')
    @ApiOperation({ summary: `Change a ${what} (admin)` })
    @ApiOkResponse({ type: entity })
    @ApiProblems(400, 403, 404, 409)
    update(@IdParam() id: string, @Body() dto: object & { version?: number }): Promise<E> {
      return this.service.update(id, dto);
    }

    @Delete(':id')
    @Roles('admin')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${what} (admin)`, description: 'Refused (409) while records still use it.' })
    @ApiNoContentResponse({ description: 'Deleted.' })
    @ApiProblems(400, 403, 404, 409)
    remove(@IdParam() id: string): Promise<void> {
      return this.service.remove(id);
    }
  }

  const prototype = ReferenceListController.prototype;
  Reflect.defineMetadata('design:paramtypes', [definition.listQuery], prototype, 'list');
  Reflect.defineMetadata('design:paramtypes', [definition.createDto, Object], prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [String, definition.updateDto], prototype, 'update');
  Object.defineProperty(ReferenceListController, 'name', { value: `${entity.name}Controller` });
  return ReferenceListController;
}
