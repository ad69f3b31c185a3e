import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CptCodeDto {
  @ApiProperty({ description: 'CPT or HCPCS code', example: '97140' })
  code!: string;

  @ApiProperty({ description: 'What the code bills for', example: 'Manual therapy' })
  service!: string;

  @ApiProperty({ description: 'Billed in 15-minute units of one-on-one time' })
  timed!: boolean;

  @ApiPropertyOptional({ description: 'Billed at most once per encounter' })
  oncePerEncounter?: boolean;

  @ApiPropertyOptional({ description: 'Medicare bundles it: never a paid line' })
  medicareBundled?: boolean;

  @ApiPropertyOptional({ example: 'G0283', description: 'The code Medicare recognises instead' })
  medicareCode?: string;

  @ApiPropertyOptional({ description: 'Payers’ and coders’ notes' })
  note?: string;
}
