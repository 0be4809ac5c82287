import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { ApiTimeline } from '../../platform/history/api-timeline.decorator';
import { HistoryEntry } from '../../platform/history/history-entry.entity';
import { HistoryService } from '../../platform/history/history.service';
import { TimelineQueryDto } from '../../platform/history/timeline-query.dto';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { Contact } from './contact.entity';
import { ContactsService } from './contacts.service';
import { CreateContactDto, ListContactsQuery, UpdateContactDto } from './dto/contact.dto';

@ApiTags('Contacts')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List contacts',
    description: 'Search (`q`) over names, email and phones; filter by partnerId, assignedToId, doNotCall, doNotEmail.',
  })
  @ApiPageResponse(Contact)
  @ApiProblems(400)
  list(@Query() query: ListContactsQuery): Promise<Page<Contact>> {
    return this.contacts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contact' })
  @ApiOkResponse({ type: Contact })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<Contact> {
    return this.contacts.get(id);
  }

  @Get(':id/timeline')
  @ApiTimeline('contact')
  async timeline(@IdParam() id: string, @Query() query: TimelineQueryDto): Promise<Page<HistoryEntry>> {
    await this.contacts.get(id);
    return this.history.timeline({ type: 'contact', id }, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contact', description: 'Linked to a partner with `partnerId`, or standalone.' })
  @ApiCreatedResponse({ type: Contact })
  @ApiProblems(400)
  create(@Body() dto: CreateContactDto, @CurrentUser() actor: AuthenticatedUser): Promise<Contact> {
    return this.contacts.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a contact', description: 'Send the `version` you loaded (409 when stale).' })
  @ApiOkResponse({ type: Contact })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateContactDto): Promise<Contact> {
    return this.contacts.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404)
  remove(@IdParam() id: string): Promise<void> {
    return this.contacts.remove(id);
  }
}
