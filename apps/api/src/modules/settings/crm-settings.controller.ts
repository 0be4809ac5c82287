import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/problem.schema';
import { CrmSettingsView, UpdateCrmSettingsDto } from './dto/crm-settings.dto';
import { CrmSettingsService } from './crm-settings.service';

@ApiTags('Configuration')
@Controller('settings/crm')
export class CrmSettingsController {
  constructor(private readonly settings: CrmSettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'Read the CRM settings',
    description: 'Everyone signed in may read them (the forms follow them); the SMTP password is never shown.',
  })
  @ApiOkResponse({ type: CrmSettingsView })
  get(): Promise<CrmSettingsView> {
    return this.settings.view();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({
    summary: 'Change the CRM settings (admin)',
    description:
      'Only the fields given change; `stageProbabilities` merges per stage. `customerAssignableTeamIds` must name existing teams (400 otherwise), and a team named there cannot be deleted (409).',
  })
  @ApiOkResponse({ type: CrmSettingsView })
  @ApiProblems(400, 403, 409)
  update(@Body() dto: UpdateCrmSettingsDto): Promise<CrmSettingsView> {
    return this.settings.update(dto);
  }
}
