import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { allErrorEntries, errorEntry } from './error-catalogue';
import { CODE_BY_STATUS, STATUS_BY_KIND } from './problem-details.filter';

const ROOT = join(__dirname, '../../..');
const SRC = join(ROOT, 'src');

/** `module.reason`, possibly with more dotted parts: how every code is spelled. */
const CODE_SHAPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

const isCatalogue = (file: string) => file.endsWith('.errors.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const repoPath = (file: string) => relative(ROOT, file).split(sep).join('/');
const files = sourceFiles(SRC);
const catalogueFiles = files.filter(isCatalogue);

interface Finding {
  at: string;
  text: string;
}

/**
 * The string literals inside an expression that spell a code, and the templates that build one
 * at run time (`${module}.not_found`): every such code must be a catalogue entry instead.
 */
function literalCodes(node: ts.Node, source: ts.SourceFile): Finding[] {
  const at = () =>
    `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return CODE_SHAPE.test(node.text) ? [{ at: at(), text: node.text }] : [];
  }
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    const buildsCode =
      parts.every((part) => /^[a-z0-9_.]*$/.test(part)) && /[._]/.test(parts.join(''));
    if (buildsCode) return [{ at: at(), text: node.getText(source) }];
  }
  const found: Finding[] = [];
  node.forEachChild((child) => void found.push(...literalCodes(child, source)));
  return found;
}

const isErrorKind = (node: ts.Node | undefined) =>
  node !== undefined &&
  ts.isPropertyAccessExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === 'ErrorKind';

function extendsAnError(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) {
      return (parent.heritageClauses ?? []).some((clause) =>
        clause.types.some((type) => /Error$/.test(type.expression.getText())),
      );
    }
  }
  return false;
}

/** The argument that carries the code, in each way an error is built. */
function codeArgument(node: ts.Node): ts.Expression | undefined {
  if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText())) {
    const args = node.arguments ?? [];
    return isErrorKind(args[0]) ? args[1] : args[0];
  }
  if (ts.isCallExpression(node)) {
    if (ts.isIdentifier(node.expression) && node.expression.text === 'domainError') {
      return node.arguments[0];
    }
    if (node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsAnError(node)) {
      return isErrorKind(node.arguments[0]) ? node.arguments[1] : node.arguments[0];
    }
  }
  return undefined;
}

/** `code: ...` in what describeConstraints is given: a constraint's own code for a refusal. */
function constraintCodes(node: ts.Node): ts.Expression[] {
  if (
    !ts.isCallExpression(node) ||
    !ts.isIdentifier(node.expression) ||
    node.expression.text !== 'describeConstraints'
  ) {
    return [];
  }
  const codes: ts.Expression[] = [];
  const visit = (child: ts.Node) => {
    if (
      ts.isPropertyAssignment(child) &&
      ts.isIdentifier(child.name) &&
      child.name.text === 'code'
    ) {
      codes.push(child.initializer);
    }
    child.forEachChild(visit);
  };
  node.arguments.forEach(visit);
  return codes;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    repoPath(file),
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
}

describe('error catalogue', () => {
  const checked = files.filter((file) => !isCatalogue(file));

  it('finds the source and the catalogues', () => {
    expect(checked.length).toBeGreaterThan(50);
    expect(catalogueFiles.map(repoPath)).toEqual(
      expect.arrayContaining([
        'src/common/errors/common.errors.ts',
        'src/common/errors/database.errors.ts',
        'src/auth/auth.errors.ts',
        'src/scheduling/scheduling.errors.ts',
      ]),
    );
  });

  it('has every throw site name a catalogue entry, never a literal code', () => {
    const findings = checked.flatMap((file) => {
      const source = parse(file);
      const found: Finding[] = [];
      const visit = (node: ts.Node) => {
        const code = codeArgument(node);
        if (code) found.push(...literalCodes(code, source));
        for (const constraintCode of constraintCodes(node)) {
          found.push(...literalCodes(constraintCode, source));
        }
        node.forEachChild(visit);
      };
      visit(source);
      return found;
    });
    expect(findings).toEqual([]);
  });

  describe('once every catalogue is loaded', () => {
    beforeAll(async () => {
      for (const file of catalogueFiles) await import(file);
    });

    it('declares each code once, in its shape, with a meaning and a 4xx or 5xx status', () => {
      const entries = allErrorEntries();
      expect(entries.length).toBeGreaterThan(80);
      const codes = entries.map((entry) => entry.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const { code, kind, meaning } of entries) {
        const status = STATUS_BY_KIND[kind];
        expect({ code, shaped: CODE_SHAPE.test(code) }).toEqual({ code, shaped: true });
        expect({ code, status: status >= 400 && status <= 599 }).toEqual({ code, status: true });
        expect({ code, meaning: meaning.trim().length > 0 }).toEqual({ code, meaning: true });
        // Generators (orval, openapi-generator) copy meanings into doc comments.
        expect({ code, meaning: meaning.includes('*/') }).toEqual({ code, meaning: false });
      }
    });

    it('has no string outside the catalogues spell a declared code', () => {
      const declared = new Set(allErrorEntries().map((entry) => entry.code));
      const findings = checked.flatMap((file) => {
        const source = parse(file);
        const found: Finding[] = [];
        const visit = (node: ts.Node) => {
          if (
            (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
            declared.has(node.text)
          ) {
            found.push({
              at: `${source.fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
              text: node.text,
            });
          }
          node.forEachChild(visit);
        };
        visit(source);
        return found;
      });
      expect(findings).toEqual([]);
    });

    it('gives each code the filter writes for an HTTP-layer error the status it is written with', () => {
      for (const [status, code] of Object.entries(CODE_BY_STATUS)) {
        const entry = errorEntry(code);
        expect({ code, status: entry && STATUS_BY_KIND[entry.kind] }).toEqual({
          code,
          status: Number(status),
        });
      }
    });
  });
});
