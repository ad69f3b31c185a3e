import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { ApiPageResponse, Page } from '../common/pagination/page';
import type { Actor } from '../kernel/actor';
import { CurrentActor } from '../kernel/decorators';
import { TherapistDirectoryEntryDto, TherapistDirectoryQuery } from './dto/therapist-directory.dto';
import { TherapistDirectoryService } from './therapist-directory.service';

/** The therapist directory: readable by every member of staff, for their own clinics. */
@ApiTags('staff')
@Controller('therapists')
export class TherapistDirectoryController {
  constructor(private readonly directory: TherapistDirectoryService) {}

  @Get()
  @ApiOperation({
    summary: 'Therapists of the caller’s clinics: name, credential, clinics, active; by name',
  })
  @ApiPageResponse(TherapistDirectoryEntryDto, 'One page of therapists, by name')
  @ApiAuthenticated()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: TherapistDirectoryQuery,
  ): Promise<Page<TherapistDirectoryEntryDto>> {
    const [items, total] = await this.directory.list(actor, query);
    return Page.of(items, total, query);
  }
}
