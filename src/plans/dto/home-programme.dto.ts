import { ApiProperty } from '@nestjs/swagger';

/** The email that carries a plan's home exercise programme, as the request left it. */
export class HomeProgrammeEmailDto {
  @ApiProperty({ format: 'uuid', description: 'The plan of care' })
  planId!: string;

  @ApiProperty({
    example: 2,
    description: 'The plan revision whose programme the email carries (the one in force)',
  })
  revision!: number;

  @ApiProperty({ example: 5, description: 'Home exercises in the programme' })
  exercises!: number;

  @ApiProperty({
    format: 'uuid',
    description: 'The email (GET /notifications, and on the patient’s timeline)',
  })
  notificationId!: string;

  @ApiProperty({
    example: 'pending',
    description:
      'Where the email is: pending (queued), sent, skipped (consent withdrawn before it went), failed...',
  })
  status!: string;

  @ApiProperty({
    format: 'date-time',
    description:
      'When it goes: at once, or at 08:00 at the clinic when asked for in quiet hours (21:00-08:00)',
  })
  sendAt!: string;

  @ApiProperty({
    example: false,
    description:
      'True when this revision’s programme had been sent (or queued) already: nothing new is sent; amend the plan to send a changed programme',
  })
  alreadyRequested!: boolean;
}
