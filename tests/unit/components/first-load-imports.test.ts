/**
 * Issue 8: every page's first-load JavaScript ≤ 160 kB gzip. zod (about 30 kB of it) is loaded by
 * the browser only through `loadSchemas()` (src/lib/load-schemas.ts, ADR 0020). This follows the
 * static, non-type imports of every client module (a "use client" file and whatever it imports, and
 * src/instrumentation-client.ts) and fails if one of them reaches zod, naming the chain, long before
 * `npm run bench -- --js-only` would show the growth. Dynamic `import()` is not followed: that is
 * how the schemas arrive.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const src = path.join(root, "src");
/** Packages no client module may import statically. */
const HEAVY = /^zod(\/|$)/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  const cached = parsed.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  parsed.set(file, source);
  return source;
}

function isClientModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client";
}

/** The module specifiers a file imports or re-exports at run time (type-only imports are erased). */
function runtimeImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const typeOnly = statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** A file of ours for `@/…` and relative specifiers; the package name otherwise. */
function resolve(specifier: string, from: string): { file: string } | { pkg: string } {
  const base = specifier.startsWith("@/") ? path.join(src, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return { pkg: specifier };
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return { file: candidate };
  }
  throw new Error(`cannot resolve ${specifier} from ${path.relative(root, from)}`);
}

/** Each heavy package a file reaches, with the chain of files that leads there. */
function heavyImports(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>([entry]);
  const queue: { file: string; chain: string[] }[] = [{ file: entry, chain: [path.relative(root, entry)] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    for (const specifier of runtimeImports(parse(file))) {
      const target = resolve(specifier, file);
      if ("pkg" in target) {
        if (HEAVY.test(target.pkg)) found.push([...chain, target.pkg].join(" → "));
      } else if (!seen.has(target.file)) {
        seen.add(target.file);
        queue.push({ file: target.file, chain: [...chain, path.relative(root, target.file)] });
      }
    }
  }
  return found;
}

const entries = [
  path.join(src, "instrumentation-client.ts"),
  ...sourceFiles(src).filter((file) => isClientModule(parse(file))),
];

describe("client modules load zod only on demand", () => {
  it("finds the client modules", () => {
    expect(entries.map((file) => path.relative(root, file))).toEqual(
      expect.arrayContaining(["src/components/registration/identity-step.tsx", "src/components/auth/password-recovery-form.tsx"]),
    );
  });

  it.each(entries.map((file) => [path.relative(root, file), file]))("%s", (_name, file) => {
    expect(heavyImports(file)).toEqual([]);
  });

  it("would catch a static import of zod", () => {
    // The schema modules import zod: a client module importing one would fail above.
    expect(heavyImports(path.join(src, "schemas/identity.ts"))).toContain("src/schemas/identity.ts → zod");
  });
});
