import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { CurrentUser } from '../../platform/auth/auth.decorators';
import { IdParam } from '../../platform/http/id-param';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { SendEmailDto } from './dto/send-email.dto';
import { EmailService } from './email.service';
import { OutboundEmail } from './outbound-email.entity';

const SEND_DESCRIPTION =
  'Queues a plain-text email to the record’s address and adds it to its timeline; it is sent in the background (see `GET /emails/:id`). 422, and nothing queued, when the recipient refuses emails or has no address.';

@ApiTags('Email')
@Controller()
export class EmailController {
  constructor(private readonly emails: EmailService) {}

  @Post('leads/:id/emails')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a lead', description: SEND_DESCRIPTION })
  @ApiAcceptedResponse({ type: OutboundEmail })
  @ApiProblems(400, 404, 422)
  toLead(@IdParam() id: string, @Body() dto: SendEmailDto, @CurrentUser() actor: AuthenticatedUser): Promise<OutboundEmail> {
    return this.emails.queue('lead', id, dto, actor);
  }

  @Post('partners/:id/emails')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a partner', description: SEND_DESCRIPTION })
  @ApiAcceptedResponse({ type: OutboundEmail })
  @ApiProblems(400, 404, 422)
  toPartner(@IdParam() id: string, @Body() dto: SendEmailDto, @CurrentUser() actor: AuthenticatedUser): Promise<OutboundEmail> {
    return this.emails.queue('partner', id, dto, actor);
  }

  @Post('contacts/:id/emails')
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a contact', description: SEND_DESCRIPTION })
  @ApiAcceptedResponse({ type: OutboundEmail })
  @ApiProblems(400, 404, 422)
  toContact(@IdParam() id: string, @Body() dto: SendEmailDto, @CurrentUser() actor: AuthenticatedUser): Promise<OutboundEmail> {
    return this.emails.queue('contact', id, dto, actor);
  }

  @Get('emails/:id')
  @ApiOperation({ summary: 'Where an email is', description: 'queued, sending, sent, or failed (with the last error) after 5 attempts.' })
  @ApiOkResponse({ type: OutboundEmail })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<OutboundEmail> {
    return this.emails.get(id);
  }
}
