import { ApiProperty } from '@nestjs/swagger';
import type { FigureDefinition } from '../rules/figure-definition';
import type { FigureRow } from '../rules/figure-rows';

export class RatioDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 412,
    description: 'What is divided; null when withheld',
  })
  numerator!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 480,
    description: 'What it is divided by; null when withheld',
  })
  denominator!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.8583,
    description:
      'numerator / denominator (rates to 4 places, means to 2); null for a 0 denominator or a withheld cell',
  })
  value!: number | null;
}

export class ReportGroupDto {
  @ApiProperty({
    example: '3',
    description: 'The clinic’s or therapist’s id, the ISO weekday (1-7) or the hour (00-23)',
  })
  id!: string;

  @ApiProperty({
    example: 'Wednesday',
    description: 'What to show for it: a name, a weekday, an hour',
  })
  label!: string;
}

export class ReportRangeDto {
  @ApiProperty({ format: 'date', example: '2026-09-01', description: 'First local date' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-11-30',
    description: 'Last local date (inclusive)',
  })
  to!: string;
}

/** Builds a named class whose properties are documented for the OpenAPI document. */
function documentedClass(
  name: string,
  properties: {
    key: string;
    description: string;
    type: unknown;
    nullable?: boolean;
    example?: unknown;
  }[],
): new () => object {
  const cls = { [name]: class {} }[name];
  for (const property of properties) {
    ApiProperty({
      type: property.type as never,
      nullable: property.nullable,
      description: property.description,
      example: property.example,
    })(cls.prototype, property.key);
  }
  return cls;
}

/**
 * The response classes of one figure, named after it (VisitsReportDto...), each measure and
 * ratio a documented property carrying its definition.
 */
export function figureDtos(figure: FigureDefinition): { report: new () => object } {
  // `first-contacts` names its schemas FirstContacts...Dto.
  const prefix = figure.key.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) =>
    letter.toUpperCase(),
  );
  const measures = documentedClass(
    `${prefix}MeasuresDto`,
    figure.measures.map((measure) => ({
      key: measure.key,
      description: measure.description + (figure.smallCells.length ? '; null when withheld' : ''),
      type: Number,
      nullable: figure.smallCells.length > 0,
      example: 42,
    })),
  );
  const ratios = documentedClass(
    `${prefix}RatiosDto`,
    figure.ratios.map((ratio) => ({
      key: ratio.key,
      description: `${ratio.description}: ${ratio.numerator} / ${ratio.denominator}`,
      type: RatioDto,
    })),
  );
  const row = documentedClass(`${prefix}RowDto`, [
    {
      key: 'period',
      type: String,
      nullable: true,
      example: '2026-09-07',
      description:
        'The local day or week’s Monday (YYYY-MM-DD) or month (YYYY-MM); null without a period split',
    },
    {
      key: 'group',
      type: ReportGroupDto,
      nullable: true,
      description: 'The split’s value; null without one',
    },
    { key: 'measures', type: measures, description: 'The counts, each as defined' },
    {
      key: 'ratios',
      type: ratios,
      description: 'The ratios, each with its numerator and denominator',
    },
    {
      key: 'withheld',
      type: [String],
      example: [],
      description:
        'Small-cell rules that withheld part of this row (for outcomes, the instruments)',
    },
  ]);
  const report = documentedClass(`${prefix}ReportDto`, [
    { key: 'figure', type: String, example: figure.key, description: figure.title },
    {
      key: 'definition',
      type: String,
      example: figure.description,
      description: 'What the figure counts',
    },
    { key: 'range', type: ReportRangeDto, description: 'The local dates covered' },
    {
      key: 'period',
      type: String,
      nullable: true,
      example: 'week',
      description: 'The period split, if any',
    },
    {
      key: 'by',
      type: String,
      nullable: true,
      example: 'location',
      description: 'The split, if any',
    },
    { key: 'rows', type: [row], description: 'One row per period and split value that has data' },
    { key: 'totals', type: row, description: 'The whole range and selection in one row' },
  ]);
  return { report };
}

export interface ReportBody {
  figure: string;
  definition: string;
  range: { from: string; to: string };
  period: string | null;
  by: string | null;
  rows: FigureRow[];
  totals: FigureRow;
}

export class MeasureDefinitionDto {
  @ApiProperty({ example: 'arrived', description: 'The measure’s key in each row’s measures' })
  key!: string;

  @ApiProperty({
    example: 'Visits the patient came to: checked in or completed',
    description: 'What it counts',
  })
  description!: string;
}

export class RatioDefinitionDto {
  @ApiProperty({ example: 'arrivalRate', description: 'The ratio’s key in each row’s ratios' })
  key!: string;

  @ApiProperty({ example: 'arrived', description: 'The measure divided' })
  numerator!: string;

  @ApiProperty({ example: 'scheduled', description: 'The measure divided by' })
  denominator!: string;

  @ApiProperty({
    enum: ['rate', 'mean'],
    description: 'A share (4 places) or an average (2 places)',
  })
  kind!: string;

  @ApiProperty({ example: 'Arrived over all scheduled', description: 'What it means' })
  description!: string;
}

export class FigureCatalogueEntryDto {
  @ApiProperty({ example: 'visits', description: 'The figure’s key: GET /reports/{key}' })
  key!: string;

  @ApiProperty({ example: 'Visits and arrival', description: 'Its title' })
  title!: string;

  @ApiProperty({ description: 'What it counts' })
  description!: string;

  @ApiProperty({
    enum: ['operational', 'clinical'],
    description: 'Operational figures may be opened to staff for their clinics',
  })
  audience!: string;

  @ApiProperty({
    type: [String],
    example: ['location', 'therapist'],
    description: 'The splits it has',
  })
  dimensions!: string[];

  @ApiProperty({ example: true, description: 'Whether payer narrows it' })
  byPayer!: boolean;

  @ApiProperty({ type: [MeasureDefinitionDto], description: 'Each measure and its definition' })
  measures!: MeasureDefinitionDto[];

  @ApiProperty({
    type: [RatioDefinitionDto],
    description: 'Each ratio, its numerator and denominator',
  })
  ratios!: RatioDefinitionDto[];
}
