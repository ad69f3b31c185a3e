/**
 * The small HTML pages patients reach from links in emails (no login, no app around them).
 * Callers pass trusted markup: fixed text and values they formatted themselves.
 */
export function simplePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: Arial, sans-serif; max-width: 560px">
${body}
</body></html>
`;
}
