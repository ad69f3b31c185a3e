import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../kernel/actor';
import { CurrentActor, Roles } from '../kernel/decorators';
import { Role } from '../kernel/role';
import { ApiAuthenticated } from '../common/api-errors.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { CloseEpisodeDto, EpisodeDto, OpenEpisodeDto } from './dto/episode.dto';
import type { EpisodeOfCare } from './episode.entity';
import { EpisodeGates } from './episode-gate.port';
import { EpisodesService } from './episodes.service';

@ApiTags('episodes')
@Controller()
export class EpisodesController {
  constructor(
    private readonly episodes: EpisodesService,
    private readonly gates: EpisodeGates,
  ) {}

  private async toDto(episode: EpisodeOfCare): Promise<EpisodeDto> {
    return EpisodeDto.from(episode, await this.gates.treatmentOf(episode.id));
  }

  @Post('patients/:patientId/episodes')
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Open an episode of care for a condition (at the first evaluation)' })
  @ApiCreatedResponse({ type: EpisodeDto, description: 'The episode, open' })
  @ApiAuthenticated(404, 409)
  async open(
    @CurrentActor() actor: Actor,
    @Param('patientId', UuidParam('patientId')) patientId: string,
    @Body() body: OpenEpisodeDto,
  ): Promise<EpisodeDto> {
    return this.toDto(await this.episodes.open(actor, patientId, body));
  }

  @Get('patients/:patientId/episodes')
  @ApiOperation({ summary: 'A patient’s episodes of care, newest first' })
  @ApiOkResponse({ type: [EpisodeDto], description: 'The episodes, newest first' })
  @ApiAuthenticated(404)
  async list(
    @CurrentActor() actor: Actor,
    @Param('patientId', UuidParam('patientId')) patientId: string,
  ): Promise<EpisodeDto[]> {
    const episodes = await this.episodes.listForPatient(actor, patientId);
    return Promise.all(episodes.map((episode) => this.toDto(episode)));
  }

  @Get('episodes/:id')
  @ApiOperation({
    summary:
      'One episode, with whether treatment visits may be booked: red flags and the direct-access answer for today',
  })
  @ApiOkResponse({ type: EpisodeDto, description: 'The episode' })
  @ApiAuthenticated(404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
  ): Promise<EpisodeDto> {
    return this.toDto(await this.episodes.get(actor, id));
  }

  @Post('episodes/:id/close')
  @HttpCode(200)
  @Roles(Role.Therapist, Role.Admin)
  @ApiOperation({ summary: 'Close an episode at discharge' })
  @ApiOkResponse({ type: EpisodeDto, description: 'The episode, closed' })
  @ApiAuthenticated(404, 409)
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam()) id: string,
    @Body() body: CloseEpisodeDto,
  ): Promise<EpisodeDto> {
    return this.toDto(await this.episodes.close(actor, id, body));
  }
}
