import { RequiredText } from '../../common/dto/required-text.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FrequencyFieldsDto, InterventionDto, listOf, TemplateGoalDto } from './plan-content.dto';

export const TEMPLATE_SCOPES = ['clinic', 'personal'] as const;
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number];

/** A template version's content: what a plan made from it starts with. */
export class TemplateContentDto extends FrequencyFieldsDto {
  @ApiProperty({ example: 'Acute low back spasm', description: 'The template’s name' })
  @RequiredText(200)
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['acute low back spasm'],
    description: 'Conditions it suits',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  conditions!: string[];

  @ApiProperty({ type: [InterventionDto], description: 'Interventions, each with its category' })
  @listOf(() => InterventionDto, 1)
  interventions!: InterventionDto[];

  @ApiProperty({ type: [TemplateGoalDto], description: 'Default goals on outcome measures' })
  @listOf(() => TemplateGoalDto)
  goals!: TemplateGoalDto[];
}

export class NewTemplateDto extends TemplateContentDto {
  @ApiPropertyOptional({
    enum: TEMPLATE_SCOPES,
    example: 'personal',
    description: 'Clinic-wide (admins only) or the author’s own; default personal',
  })
  @IsOptional()
  @IsIn(TEMPLATE_SCOPES)
  scope?: TemplateScope;
}

export class TemplateVersionDto extends TemplateContentDto {
  @ApiProperty({ format: 'uuid', description: 'The version’s id (a plan names this)' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The template all versions share' })
  templateId!: string;

  @ApiProperty({ example: 1, description: 'Version number' })
  version!: number;

  @ApiProperty({ enum: ['draft', 'published'], description: 'A published version is frozen' })
  status!: 'draft' | 'published';

  @ApiProperty({ enum: TEMPLATE_SCOPES, description: 'Clinic-wide or personal' })
  scope!: TemplateScope;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Owner of a personal one',
  })
  ownerId!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When published' })
  publishedAt!: string | null;
}
