/**
 * The dependency rule of the README ("Architecture"), as data, and the check that applies it to a
 * set of source files. Pure: the test feeds it the repository's files, its spec feeds it examples.
 */
import { dirname, join, normalize, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** A unit of the rule: a library (`libs/<name>`) or an application (`apps/<name>`). */
export type Unit = string;

export interface SourceFile {
  /** path relative to the repository root, with forward slashes */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  imports: string;
  rule: string;
}

export interface ImportRules {
  /** for each library, the libraries its production code may import (`@ledger/<name>`) */
  libraries: Record<string, readonly string[]>;
  /** the libraries that hold an adapter: only composition roots may import them */
  adapters: readonly string[];
  /** npm packages a library may import; a library not listed may import any package */
  packages?: Record<string, readonly string[]>;
}

/** `libs/domain/src/x.ts` → `libs/domain`; `apps/api/src/main.ts` → `apps/api`; anything else → null. */
export function unitOf(path: string): Unit | null {
  const match = /^(libs|apps)\/([^/]+)\//.exec(path);
  return match ? `${match[1]}/${match[2]}` : null;
}

/**
 * Test code may import anything: specs beside the code, the fixtures folders tests use
 * (`testing/`), and everything under test/ (which is no unit at all).
 */
export function isTestCode(path: string): boolean {
  return /\.(spec|test)\.ts$/.test(path) || /\/testing\//.test(path) || path.endsWith('.test-double.ts');
}

/** The module specifiers a file imports or re-exports (static imports, exports, require calls). */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** What an import names: another unit of this repository, or a package (`pkg` or `@scope/pkg`). */
function targetOf(file: string, specifier: string): { unit: Unit } | { package: string } | null {
  const alias = /^@ledger\/([^/]+)/.exec(specifier);
  if (alias) return { unit: `libs/${alias[1]}` };
  if (specifier.startsWith('.')) {
    const resolved = normalize(join(dirname(file), specifier)).split(sep).join('/');
    const unit = unitOf(resolved);
    return unit ? { unit } : null;
  }
  if (specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** Every import of production code that the rules do not allow. */
export function checkImports(files: readonly SourceFile[], rules: ImportRules): Violation[] {
  const violations: Violation[] = [];
  for (const { path, text } of files) {
    const unit = unitOf(path);
    if (!unit || isTestCode(path)) continue;
    for (const specifier of importsOf(text)) {
      const target = targetOf(path, specifier);
      if (!target) continue;
      const rule = broken(unit, target, rules);
      if (rule) violations.push({ file: path, imports: specifier, rule });
    }
  }
  return violations;
}

function broken(unit: Unit, target: { unit: Unit } | { package: string }, rules: ImportRules): string | null {
  const [kind, name] = unit.split('/');
  if ('package' in target) {
    const allowed = kind === 'libs' ? rules.packages?.[name] : undefined;
    if (allowed && !allowed.includes(target.package)) return `${unit} may import only the packages ${allowed.join(', ') || '(none)'}`;
    return null;
  }
  if (target.unit === unit) return null;
  const [targetKind, targetName] = target.unit.split('/');
  if (targetKind === 'apps') return 'nothing imports an app';
  if (kind === 'apps') {
    return rules.adapters.includes(targetName) ? 'an app chooses adapters only through libs/composition' : null;
  }
  if (name === 'composition') return null;
  const allowed = rules.libraries[name];
  if (!allowed) return `libs/${name} is not in the rule: add it to the allow-list`;
  if (rules.adapters.includes(targetName) && !allowed.includes(targetName)) return 'only libs/composition chooses an adapter';
  if (!allowed.includes(targetName)) return `libs/${name} may import only ${allowed.map((l) => `@ledger/${l}`).join(', ') || 'nothing of the ledger'}`;
  return null;
}

/** Paths relative to the root, with forward slashes, for messages that read the same everywhere. */
export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
