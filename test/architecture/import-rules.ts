/**
 * The dependency rule of the README ("Architecture"), as data, and the check that applies it to a
 * set of source files. Pure: the test feeds it the repository's files, its spec feeds it examples.
 */
import { builtinModules } from 'node:module';
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
  /**
   * The packages a library may import, Node's built-ins included as `node:<name>` (`node:*`: any
   * built-in); a library not listed may import any package.
   */
  packages?: Record<string, readonly string[]>;
  /**
   * For a library listed here, the libraries its test code may import (tests elsewhere may import
   * anything): the domain's specs must load no adapter, so they are held to their pure helpers.
   */
  tests?: Record<string, readonly string[]>;
}

/** `libs/domain/src/x.ts` → `libs/domain`; `apps/api/src/main.ts` → `apps/api`; anything else → null. */
export function unitOf(path: string): Unit | null {
  const match = /^(libs|apps)\/([^/]+)\//.exec(path);
  return match ? `${match[1]}/${match[2]}` : null;
}

/**
 * Test code may import anything: specs beside the code, the folders only tests load (`testing/`
 * fixtures and doubles, the shared `conformance/` suite; the build leaves both out), and
 * everything under test/ (which is no unit at all).
 */
export function isTestCode(path: string): boolean {
  return /\.(spec|test)\.ts$/.test(path) || /\/(testing|conformance)\//.test(path) || path.endsWith('.test-double.ts');
}

/** The module specifiers a file imports or re-exports (static imports, exports, type imports, require and import() calls). */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

type Target = { unit: Unit } | { package: string };

/** What an import names: another unit of this repository, or a package (`pkg`, `@scope/pkg` or `node:<built-in>`). */
function targetOf(file: string, specifier: string): Target | null {
  const alias = /^@ledger\/([^/]+)/.exec(specifier);
  if (alias) return { unit: `libs/${alias[1]}` };
  if (specifier.startsWith('.')) {
    const resolved = normalize(join(dirname(file), specifier)).split(sep).join('/');
    const unit = unitOf(resolved);
    return unit ? { unit } : null;
  }
  const parts = specifier.replace(/^node:/, '').split('/');
  if (specifier.startsWith('node:') || builtinModules.includes(parts[0])) return { package: `node:${parts[0]}` };
  return { package: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

/** Every import the rules do not allow. */
export function checkImports(files: readonly SourceFile[], rules: ImportRules): Violation[] {
  const violations: Violation[] = [];
  for (const { path, text } of files) {
    const unit = unitOf(path);
    if (!unit) continue;
    const test = isTestCode(path);
    const [kind, name] = unit.split('/');
    const testRule = kind === 'libs' ? rules.tests?.[name] : undefined;
    if (test && !testRule) continue;
    for (const specifier of importsOf(text)) {
      const target = targetOf(path, specifier);
      if (!target) continue;
      const rule = test ? brokenByTest(unit, target, testRule!) : broken(unit, target, rules);
      if (rule) violations.push({ file: path, imports: specifier, rule });
    }
  }
  return violations;
}

function brokenByTest(unit: Unit, target: Target, allowed: readonly string[]): string | null {
  if (!('unit' in target) || target.unit === unit) return null;
  const [, targetName] = target.unit.split('/');
  return allowed.includes(targetName) ? null : `the tests of ${unit} may import only ${list(allowed)}`;
}

function broken(unit: Unit, target: Target, rules: ImportRules): string | null {
  const [kind, name] = unit.split('/');
  if ('package' in target) {
    const allowed = kind === 'libs' ? rules.packages?.[name] : undefined;
    if (!allowed || allowed.includes(target.package)) return null;
    if (target.package.startsWith('node:') && allowed.includes('node:*')) return null;
    return `${unit} may import only the packages ${allowed.join(', ') || '(none)'}`;
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
  if (!allowed.includes(targetName)) return `libs/${name} may import only ${list(allowed)}`;
  return null;
}

function list(libraries: readonly string[]): string {
  return libraries.map((l) => `@ledger/${l}`).join(', ') || 'nothing of the ledger';
}

/** Paths relative to the root, with forward slashes, for messages that read the same everywhere. */
export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
