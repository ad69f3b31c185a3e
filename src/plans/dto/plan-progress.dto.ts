import { ApiProperty } from '@nestjs/swagger';
import {
  COMPARATORS,
  type Comparator,
  GOAL_MEASURES,
  type GoalMeasure,
} from '../rules/plan-content';
import { GOAL_STATES, type GoalState } from '../rules/plan-progress';

export class MeasuredScoreDto {
  @ApiProperty({ enum: GOAL_MEASURES, example: 'odi', description: 'The outcome measure' })
  instrument!: string;
  @ApiProperty({ example: 32, description: 'The score, in the measure’s units (ODI percent)' })
  score!: number;
  @ApiProperty({ format: 'date', example: '2026-02-23', description: 'The assessment’s date' })
  assessedOn!: string;
  @ApiProperty({ example: 're_evaluation', description: 'The assessment’s kind' })
  kind!: string;
}

export class GoalProgressDto {
  @ApiProperty({ example: 'g2', description: 'The goal, as the plan names it' })
  goalId!: string;
  @ApiProperty({ enum: GOAL_MEASURES, description: 'Its outcome measure' })
  measure!: GoalMeasure;
  @ApiProperty({ enum: COMPARATORS, description: 'How the target is met' })
  comparator!: Comparator;
  @ApiProperty({ example: 20, description: 'The target score' })
  target!: number;
  @ApiProperty({ format: 'date', description: 'Met by this date' })
  targetDate!: string;
  @ApiProperty({
    type: MeasuredScoreDto,
    nullable: true,
    description: 'The last score on or before the plan’s first day, else the first one taken',
  })
  baseline!: MeasuredScoreDto | null;
  @ApiProperty({
    type: MeasuredScoreDto,
    nullable: true,
    description: 'The latest score after the baseline (a re-evaluation or the discharge)',
  })
  latest!: MeasuredScoreDto | null;
  @ApiProperty({ description: 'The latest score (the baseline while none) meets the target' })
  met!: boolean;
  @ApiProperty({
    enum: GOAL_STATES,
    description:
      'met; overdue (not met after its date); not_measured (no score yet); in_progress otherwise',
  })
  state!: GoalState;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 50,
    description: 'Share of the way from the baseline to the target, 0 to 100',
  })
  percentOfWay!: number | null;
}

export class VisitProgressDto {
  @ApiProperty({ example: 12, description: 'Frequency times duration' })
  prescribed!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Visits the payer authorised' })
  authorised!: number | null;
  @ApiProperty({ example: 4, description: 'Treatment visits in the plan’s dates attended' })
  attended!: number;
  @ApiProperty({ example: 6, description: 'Booked or confirmed treatment visits still ahead' })
  bookedAhead!: number;
  @ApiProperty({ example: 1, description: 'No-shows in the plan’s dates' })
  missed!: number;
  @ApiProperty({ example: 8, description: 'Prescribed (or fewer authorised) less attended' })
  remaining!: number;
  @ApiProperty({ example: 2, description: 'Of those remaining, how many have no booking' })
  unscheduled!: number;
}

export class PlanProgressDto {
  @ApiProperty({ example: 'plan-progress/2026-12', description: 'The reading’s rules version' })
  version!: string;
  @ApiProperty({ type: VisitProgressDto, description: 'Visits completed against prescribed' })
  visits!: VisitProgressDto;
  @ApiProperty({ type: [GoalProgressDto], description: 'Each goal against the latest scores' })
  goals!: GoalProgressDto[];
}
