import { Injectable } from '@nestjs/common';
import type { TreatmentBlockDto } from './dto/episode.dto';

/**
 * How the episode view learns whether treatment visits may be booked: the direct-access module
 * owns the treatment gate (red flags, referrals, clearances, the state's window) and registers
 * itself here at start-up, so intake shows the gate's answer without depending on it.
 */
export interface EpisodeGate {
  treatmentOf(episodeId: string): Promise<TreatmentBlockDto>;
}

@Injectable()
export class EpisodeGates {
  private gate: EpisodeGate | null = null;

  register(gate: EpisodeGate): void {
    if (this.gate) throw new Error('an episode gate is already registered');
    this.gate = gate;
  }

  treatmentOf(episodeId: string): Promise<TreatmentBlockDto> {
    if (!this.gate) throw new Error('no episode gate registered: import DirectAccessModule');
    return this.gate.treatmentOf(episodeId);
  }
}
