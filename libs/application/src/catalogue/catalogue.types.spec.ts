import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CHECKS = join(__dirname, 'testing', 'command-types.check.ts');

/*
 * Jest strips types without checking them, so the catalogue's compile-time guarantees (a misspelt
 * command or a payload of the wrong shape does not compile) are checked here by the compiler
 * itself: testing/command-types.check.ts must compile, and each of its @ts-expect-error lines must
 * fail (an expectation that no longer fails is itself an error).
 */
describe('the command catalogue types', () => {
  it('refuse misspelt commands, wrong payloads and incomplete entries, and accept correct ones', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.base.json'), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('tsconfig.base.json could not be read');
    const program = ts.createProgram([CHECKS], config.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(problems).toEqual([]);
  }, 120_000);
});
