import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiPageResponse } from '../../platform/listing/api-page-response.decorator';
import { Page } from '../../platform/listing/page';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CreateQuotationDto, ListQuotationsQuery, QuoteOpportunityDto, UpdateQuotationDto } from './dto/quotation.dto';
import { Quotation, QuotationView } from './quotation.entity';
import { QuotationsService } from './quotations.service';

@ApiTags('Quotations and orders')
@Controller()
export class QuotationsController {
  constructor(private readonly quotations: QuotationsService) {}

  @Post('opportunities/:id/quotations')
  @ApiOperation({
    summary: 'Quote an opportunity',
    description: 'A draft quotation filled from the opportunity (partner, contact, currency, salesperson). 422 when the opportunity has no partner or is lost.',
  })
  @ApiCreatedResponse({ type: QuotationView })
  @ApiProblems(400, 404, 422)
  quote(@IdParam() id: string, @Body() dto: QuoteOpportunityDto, @CurrentUser() actor: AuthenticatedUser): Promise<QuotationView> {
    return this.quotations.createFromOpportunity(id, dto, actor);
  }

  @Get('quotations')
  @ApiOperation({ summary: 'List quotations and orders', description: 'Filter by status, opportunityId, partnerId; sort by number, createdAt, total, status.' })
  @ApiPageResponse(Quotation)
  @ApiProblems(400)
  list(@Query() query: ListQuotationsQuery): Promise<Page<Quotation>> {
    return this.quotations.list(query);
  }

  @Get('quotations/:id')
  @ApiOperation({ summary: 'Get a quotation with its lines' })
  @ApiOkResponse({ type: QuotationView })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<QuotationView> {
    return this.quotations.get(id);
  }

  @Get('quotations/:id/report.pdf')
  @ApiOperation({ summary: 'Quotation or order (PDF)', description: 'The printable quotation: customer, lines with their totals, totals.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The document.', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(400, 404)
  async report(@IdParam() id: string): Promise<StreamableFile> {
    const { filename, pdf } = await this.quotations.report(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="${filename}"` });
  }

  @Post('quotations')
  @ApiOperation({ summary: 'Create a quotation', description: 'A draft for a partner, with lines; totals are computed in exact decimals.' })
  @ApiCreatedResponse({ type: QuotationView })
  @ApiProblems(400)
  create(@Body() dto: CreateQuotationDto, @CurrentUser() actor: AuthenticatedUser): Promise<QuotationView> {
    return this.quotations.create(dto, actor);
  }

  @Patch('quotations/:id')
  @ApiOperation({
    summary: 'Change a draft quotation',
    description: '`lines` replace all the lines. Only a draft changes (422). Send the `version` you loaded (409 when stale).',
  })
  @ApiOkResponse({ type: QuotationView })
  @ApiProblems(400, 404, 409, 422)
  update(@IdParam() id: string, @Body() dto: UpdateQuotationDto): Promise<QuotationView> {
    return this.quotations.update(id, dto);
  }

  @Delete('quotations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft quotation', description: 'Sent, confirmed or cancelled ones stay (422).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 422)
  remove(@IdParam() id: string): Promise<void> {
    return this.quotations.remove(id);
  }

  @Post('quotations/:id/send')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a draft as sent', description: 'draft → sent; otherwise 422.' })
  @ApiOkResponse({ type: QuotationView })
  @ApiProblems(400, 404, 422)
  send(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<QuotationView> {
    return this.quotations.send(id, actor);
  }

  @Post('quotations/:id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm: the quotation becomes the order',
    description:
      'draft or sent → confirmed. In the same transaction the partner becomes a customer (no longer a prospect) and, with the setting closeOpportunityOnOrderConfirmation, the linked opportunity is closed as won. Otherwise 422.',
  })
  @ApiOkResponse({ type: QuotationView })
  @ApiProblems(400, 404, 422)
  confirm(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<QuotationView> {
    return this.quotations.confirm(id, actor);
  }

  @Post('quotations/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a quotation', description: 'draft or sent → cancelled; otherwise 422.' })
  @ApiOkResponse({ type: QuotationView })
  @ApiProblems(400, 404, 422)
  cancel(@IdParam() id: string, @CurrentUser() actor: AuthenticatedUser): Promise<QuotationView> {
    return this.quotations.cancel(id, actor);
  }
}
