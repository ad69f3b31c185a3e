import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import type { SuperbillDto } from './dto/superbill.dto';

const dollars = (cents: number) => (cents / 100).toFixed(2);

const CSV_COLUMNS = [
  'service_date',
  'place_of_service',
  'rendering_provider',
  'rendering_npi',
  'code',
  'modifiers',
  'units',
  'minutes',
  'diagnosis_pointers',
  'unit_charge',
  'charge',
];

/**
 * A superbill as CSV (RFC 4180): one table, a row per billed code with its visit's date, place
 * and rendering provider, then a totals row. The parties and diagnoses are in the JSON and PDF.
 */
export function superbillCsv(superbill: SuperbillDto): string {
  const rows = superbill.visits.flatMap((visit) =>
    visit.lines.map((line) => [
      visit.serviceDate,
      visit.placeOfService,
      `${visit.renderingProvider.fullName}, ${visit.renderingProvider.credential}`,
      visit.renderingProvider.npi ?? '',
      line.code,
      line.modifiers.join(' '),
      line.units,
      line.minutes ?? '',
      line.diagnosisPointers.join(' '),
      dollars(line.unitChargeCents),
      dollars(line.chargeCents),
    ]),
  );
  return stringify([
    CSV_COLUMNS,
    ...rows,
    ['total', '', '', '', '', '', superbill.totalUnits, '', '', '', dollars(superbill.totalCents)],
  ]);
}

/** A superbill as a one-document PDF a patient can hand to a payer (pdfkit, standard fonts). */
export function superbillPdf(superbill: SuperbillDto): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: 'Superbill' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const provider = superbill.billingProvider;
  doc.fontSize(16).text('Superbill', { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  doc.text(`Billing provider: ${provider.name}   NPI ${provider.npi ?? 'not on file'}`);
  for (const line of provider.addressLines) doc.text(line);
  if (provider.phone) doc.text(`Phone ${provider.phone}`);
  doc.moveDown(0.5);
  const { patient } = superbill;
  doc.text(
    `Patient: ${patient.firstName} ${patient.lastName}   Payer: ${patient.payer ?? 'none on file'}`,
  );
  const referring = superbill.referringProvider;
  doc.text(
    referring
      ? `Referring provider: ${referring.name} (${referring.profession})   NPI ${referring.npi ?? 'not on file'}`
      : 'Referring provider: none on file',
  );
  doc.moveDown(0.5).text('Diagnoses (ICD-10-CM):');
  for (const diagnosis of superbill.diagnoses) {
    doc.text(`  ${diagnosis.pointer}. ${diagnosis.code}  ${diagnosis.description}`);
  }
  for (const visit of superbill.visits) {
    const rendering = visit.renderingProvider;
    doc.moveDown(0.5);
    doc.text(
      `Date of service ${visit.serviceDate}   Place of service ${visit.placeOfService}   Rendering: ${rendering.fullName}, ${rendering.credential}   NPI ${rendering.npi ?? 'not on file'}`,
    );
    for (const line of visit.lines) {
      const modifiers = line.modifiers.length > 0 ? `-${line.modifiers.join('-')}` : '';
      doc.text(
        `  ${line.code}${modifiers}  ${line.service}  units ${line.units}  dx ${line.diagnosisPointers.join(',')}  $${dollars(line.chargeCents)}`,
      );
    }
    doc.text(`  Visit total $${dollars(visit.totalCents)}`);
  }
  doc.moveDown(0.5).fontSize(12);
  doc.text(`Total units ${superbill.totalUnits}   Total charges $${dollars(superbill.totalCents)}`);
  doc
    .fontSize(8)
    .moveDown()
    .text(`Rules: ${superbill.ruleVersions}. Generated ${superbill.generatedAt}.`);
  doc.end();
  return done;
}
