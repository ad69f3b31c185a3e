import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { HomeProgrammeSheet } from './rules/home-programme-sheet';

/** The home exercise programme as documents: what plans prints and reminders attaches. */
@Injectable()
export class HomeProgrammeDocuments {
  pdf(sheet: HomeProgrammeSheet): Promise<Buffer> {
    return homeProgrammePdf(sheet);
  }
}

/**
 * A home exercise programme as a one-document PDF to print or keep on a phone (pdfkit, standard
 * fonts, nothing embedded): the clinic, the patient's first name, the therapist and the date,
 * then each exercise with its dose, how often, when and its precautions. The same sheet makes
 * the same bytes: the creation date is the programme's, so the file's ID is too.
 */
function homeProgrammePdf(sheet: HomeProgrammeSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    info: {
      Title: `${sheet.title} - ${sheet.clinicName}`,
      Author: sheet.clinicName,
      Creator: 'PT Practice',
      Producer: 'PT Practice',
      CreationDate: sheet.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(sheet.title);
  doc.font('Helvetica').fontSize(11).moveDown(0.3);
  doc.text(`For ${sheet.firstName}, from ${sheet.clinicName}`);
  if (sheet.therapist) doc.text(`Your therapist: ${sheet.therapist}`);
  doc.text(`Date: ${sheet.date}`);
  doc.moveDown(0.6);
  doc.text(
    'Do these exercises as shown below. Move slowly, breathe normally, and stop if anything hurts more than usual.',
  );

  sheet.exercises.forEach((exercise, index) => {
    doc.moveDown(0.8);
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(`${index + 1}. ${exercise.name}`);
    doc.font('Helvetica').fontSize(11);
    if (exercise.dose) doc.text(`Dose: ${exercise.dose}`);
    doc.text(`How often: ${exercise.howOften}`);
    if (exercise.when) doc.text(`When: ${exercise.when}`);
    for (const precaution of exercise.precautions) doc.text(`Take care: ${precaution}`);
  });

  doc.moveDown(1.2).fontSize(10).fillColor('#444444');
  doc.text(
    `Questions? Call ${sheet.clinicName}${sheet.clinicPhone ? ` at ${sheet.clinicPhone}` : ''}.`,
  );
  for (const line of sheet.clinicAddress) doc.text(line);
  doc.end();
  return done;
}
