import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledger/config';
import { ReadModelsDamaged, ReadModelsInUse, ReadModelsNotReady } from '@ledger/projections';
import { CheckFailed, UsageError } from './cli-errors';
import { eraseSubjectCommand, eraseSubjectUsage } from './commands/erase-subject.command';
import { exportCommand, exportUsage } from './commands/export.command';
import { generateCommand, generateUsage } from './commands/generate.command';
import { importCommand, importUsage } from './commands/import.command';
import { investigateCommand, investigateUsage } from './commands/investigate.command';
import { proofCommand, proofUsage } from './commands/proof.command';
import { rebuildCommand, rebuildUsage } from './commands/rebuild.command';
import { replayCommand, replayUsage } from './commands/replay.command';
import { revokeTokenCommand, revokeTokenUsage } from './commands/revoke-token.command';
import { seedCommand, seedUsage } from './commands/seed.command';
import { serveCommand, serveUsage } from './commands/serve.command';
import { subjectRefCommand, subjectRefUsage } from './commands/subject-ref.command';
import { tokenCommand, tokenUsage } from './commands/token.command';
import { verifyCommand, verifyUsage } from './commands/verify.command';
import type { LedgerConfig } from '@ledger/config';

type CommandFn = (args: string[], config: LedgerConfig) => Promise<void>;

const commands: Record<string, { run: CommandFn; usage: string }> = {
  token: { run: tokenCommand, usage: tokenUsage },
  'revoke-token': { run: revokeTokenCommand, usage: revokeTokenUsage },
  rebuild: { run: rebuildCommand, usage: rebuildUsage },
  seed: { run: seedCommand, usage: seedUsage },
  generate: { run: generateCommand, usage: generateUsage },
  'subject-ref': { run: subjectRefCommand, usage: subjectRefUsage },
  'erase-subject': { run: eraseSubjectCommand, usage: eraseSubjectUsage },
  replay: { run: replayCommand, usage: replayUsage },
  serve: { run: serveCommand, usage: serveUsage },
  export: { run: exportCommand, usage: exportUsage },
  import: { run: importCommand, usage: importUsage },
  investigate: { run: investigateCommand, usage: investigateUsage },
  proof: { run: proofCommand, usage: proofUsage },
  verify: { run: verifyCommand, usage: verifyUsage },
};

function usage(): string {
  return ['usage: npm run ledger -- <command>   (or: npx ledger <command>)', '', ...Object.values(commands).map((c) => `  ${c.usage}`)].join('\n');
}

/** Exit codes (docs/ARCHITECTURE.md, "CLI"): 0 done, 1 a check found a problem, 2 bad usage or input. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`unknown command ${name}\n\n${usage()}`);
    return 2;
  }
  try {
    await command.run(args, loadConfig());
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${name}: ${(error as Error).message}`);
      return 2;
    }
    if (error instanceof CheckFailed || error instanceof ReadModelsInUse || error instanceof ReadModelsDamaged || error instanceof ReadModelsNotReady) {
      console.error(`${name}: ${(error as Error).message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
