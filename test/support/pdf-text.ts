import { execFile } from 'node:child_process';
import type { Response } from 'supertest';

/** Reads a PDF's text with pdf-parse, in a plain Node process. */
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text } = await parser.getText();
  await parser.destroy();
  process.stdout.write(text);
});`;

/**
 * The text of a PDF, as a reader would copy it. PDF.js (inside pdf-parse) loads its worker with a
 * dynamic import, which Jest's module sandbox refuses without --experimental-vm-modules, so the
 * PDF is read in a child process.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: process.cwd(), maxBuffer: 10_000_000 },
      (error, stdout) => {
        if (error) reject(new Error(`pdf-parse failed: ${error.message}`));
        else resolve(stdout);
      },
    );
    child.stdin?.end(pdf);
  });
}

/** A supertest parser that reads a binary body (a PDF) whole. */
export function binaryBody(res: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
