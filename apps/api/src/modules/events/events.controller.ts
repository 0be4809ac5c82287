import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam, InstantParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateEventDto, ListEventsQuery, UpdateEventDto, UpdateOccurrenceDto } from './dto/event.dto';
import type { ServedAnswer } from './event-calendar-answers';
import { EventOccurrencesService } from './event-occurrences.service';
import { EventSeriesSplitService } from './event-series-split.service';
import { EventCalendarItem, EventOccurrenceView, EventView } from './event.entity';
import { EventsService } from './events.service';

const gunzipText = promisify(gunzip);

const OccurrenceParams = () =>
  applyDecorators(
    ApiParam({ name: 'seriesId', description: 'Id of the series (the recurring event).', format: 'uuid' }),
    ApiParam({
      name: 'originalStartAt',
      description: 'Start of the occurrence as the series places it (its `originalStartAt`), ISO 8601.',
      example: '2027-03-22T08:00:00.000Z',
    }),
  );

@ApiTags('Events')
@ApiExtraModels(EventView)
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly occurrences: EventOccurrencesService,
    private readonly split: EventSeriesSplitService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List events, or the occurrences of a calendar range',
    description:
      'Without `from`/`to`: a page of event rows (series as one row), searched by subject (`q`), filtered and sorted (default `-startAt`); ' +
      "`leadId`, `partnerId`, `contactId` or `opportunityId` lists a record's events; `startFrom`/`startTo` (days, inclusive, in the organisation's time zone) and `callDirection` narrow the rows; so do `priority` and `overdue=true` (the overdue tasks: planned, not recurring, their end past). " +
      'With `from` and `to` (at most 366 days): every occurrence overlapping the range, series expanded in their time zone, ' +
      'an edited occurrence in place of the original and a cancelled one left out, sorted by start, all in one page; ' +
      "filters `assignedToId` (repeat or comma list), `teamId` (its members' events and the team's), `calendarId` (the users a calendar follows), `type`, `status`; none of the three: the caller's calendar. " +
      'A range answer is gzipped for a client that accepts it and carries an `ETag`: sent back in `If-None-Match`, it answers 304 while nothing in the range changed.',
  })
  @ApiPageResponse(
    [EventOccurrenceView, EventCalendarItem],
    'A page of events; in calendar mode every occurrence in the range (each with `occurrenceId`), compact items with `view=compact`.',
  )
  @ApiProblems(400, 403, 404)
  async list(@Query() query: ListEventsQuery, @CurrentUser() actor: AuthenticatedUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.events.isCalendarRange(query)) {
      response.json(await this.events.list(query));
      return;
    }
    // a range is sent as kept between reads (gzipped JSON), with an ETag
    await sendCalendarAnswer(request, response, await this.events.calendarRange(query, actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an event', description: 'A single event, a whole series, or an edited occurrence (with `seriesId`).' })
  @ApiOkResponse({ type: EventView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<EventView> {
    return this.events.findById(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an event',
    description:
      'A call, meeting, task or event; assigned to the caller unless `assignedToId` says otherwise. The end must be after the start; ' +
      '`callDirection` only for calls (default outbound), `priority` only for tasks (default normal); with `recurrence`, a series. ' +
      'A link to a record that does not exist: 400 with the field. Shows on the timeline of its lead, partner, contact and opportunity.',
  })
  @ApiCreatedResponse({ type: EventView })
  @ApiProblems(400)
  create(@Body() dto: CreateEventDto, @CurrentUser() actor: AuthenticatedUser): Promise<EventView> {
    return this.events.create(dto, actor);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an event or a whole series',
    description:
      'On a series row the change applies to every occurrence: a new time or recurrence drops the occurrences edited on their own; other fields reach the edited occurrences that had the old value. ' +
      'Only the organiser, the creator, a manager or an admin (403). Send the `version` you loaded (409 when stale).',
  })
  @ApiOkResponse({ type: EventView })
  @ApiProblems(400, 403, 404, 409)
  update(@IdParam() id: string, @Body() dto: UpdateEventDto, @CurrentUser() actor: AuthenticatedUser): Promise<EventView> {
    return this.events.update(id, dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an event or a whole series',
    description:
      'A series goes with its edited occurrences; an edited occurrence (with `seriesId`) is cancelled instead, so the series does not bring it back.',
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 403, 404)
  remove(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    return this.events.remove(id, actor);
  }

  @Patch(':seriesId/occurrences/:originalStartAt')
  @ApiOperation({
    summary: 'Change one occurrence of a series',
    description:
      'Moves or edits just this occurrence (any event field but the recurrence); the series keeps the others. Answers the edited occurrence, a row with `seriesId` and `originalStartAt`. ' +
      "No occurrence starts there: 404; the event does not recur: 422. `version`: the occurrence's once edited, the series' before (409 when stale).",
  })
  @OccurrenceParams()
  @ApiOkResponse({ type: EventView })
  @ApiProblems(400, 403, 404, 409, 422)
  updateOccurrence(
    @IdParam('seriesId') seriesId: string,
    @InstantParam('originalStartAt') originalStartAt: string,
    @Body() dto: UpdateOccurrenceDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<EventView> {
    return this.occurrences.update(seriesId, originalStartAt, dto, actor);
  }

  @Delete(':seriesId/occurrences/:originalStartAt')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel one occurrence of a series',
    description: 'The calendar leaves it out; the series keeps the others. No occurrence starts there: 404.',
  })
  @OccurrenceParams()
  @ApiNoContentResponse({ description: 'Cancelled.' })
  @ApiProblems(400, 403, 404, 422)
  cancelOccurrence(
    @IdParam('seriesId') seriesId: string,
    @InstantParam('originalStartAt') originalStartAt: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.occurrences.cancel(seriesId, originalStartAt, actor);
  }

  @Patch(':seriesId/occurrences/:originalStartAt/following')
  @ApiOperation({
    summary: 'Change this and the following occurrences of a series',
    description:
      'Cuts the series at this occurrence, in one transaction: the series ends the day before it (`recurrence.until`; a series with a `count` keeps as many occurrences as came before, and the new one the rest), ' +
      "and a new series starts there with the change applied: new `startAt`/`endAt` for this occurrence, other fields, or a new `recurrence` (the series' own, as loaded, means the rest of it; null: this occurrence alone, the following ones go). " +
      'The new series keeps the attendees and reminders unless the request changes them. Occurrences edited on their own from there on go with the new series, or are dropped when its time or recurrence changed (as for a whole series). ' +
      "Answers the new series; at the first occurrence the change is the whole series' (as `PATCH /events/:id`) and answers the series. " +
      "`version`: the series' (409 when stale). No occurrence starts there: 404; the event does not recur: 422; only the organiser, the creator, a manager or an admin (403).",
  })
  @OccurrenceParams()
  @ApiOkResponse({ type: EventView, description: 'The new series (from this occurrence on).' })
  @ApiProblems(400, 403, 404, 409, 422)
  updateFollowing(
    @IdParam('seriesId') seriesId: string,
    @InstantParam('originalStartAt') originalStartAt: string,
    @Body() dto: UpdateEventDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<EventView> {
    return this.split.update(seriesId, originalStartAt, dto, actor);
  }

  @Delete(':seriesId/occurrences/:originalStartAt/following')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete this and the following occurrences of a series',
    description:
      'The series ends the day before this occurrence (a series with a `count`: after the occurrences before it), and its occurrences edited on their own from there on are deleted; ' +
      'at the first occurrence the whole series goes (as `DELETE /events/:id`). No occurrence starts there: 404; the event does not recur: 422.',
  })
  @OccurrenceParams()
  @ApiNoContentResponse({ description: 'The series ends before this occurrence.' })
  @ApiProblems(400, 403, 404, 422)
  removeFollowing(
    @IdParam('seriesId') seriesId: string,
    @InstantParam('originalStartAt') originalStartAt: string,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    return this.split.remove(seriesId, originalStartAt, actor);
  }
}

/**
 * Sends an answer: gzipped to a client that takes it (every browser), else
 * inflated; 304 to one that holds it already (Express compares the ETag). A
 * browser keeps it but asks again each time (no-cache), never trusting a copy
 * that may be stale. Server-Timing says whether it was kept or read afresh.
 */
async function sendCalendarAnswer(request: Request, response: Response, { answer, kept }: ServedAnswer): Promise<void> {
  response.type('application/json').set({
    ETag: answer.etag,
    'Cache-Control': 'private, no-cache',
    Vary: 'Accept-Encoding',
    'Server-Timing': `calendar;desc=${kept ? 'kept' : 'read'}`,
  });
  if (request.acceptsEncodings('gzip', 'identity') === 'gzip') response.set('Content-Encoding', 'gzip').send(answer.gzipped);
  else response.send(await gunzipText(answer.gzipped));
}
