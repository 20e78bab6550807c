/**
 * What the content-writing commands (`npm run new-story`, `npm run import`) share: reading their arguments,
 * failing with a message that names the command, and finding the project they write into.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface ContentCli {
  /** Prints `<command>: <message>` on standard error and exits 1: a usage error, nothing written. */
  fail(message: string): never;
  /** The project folder: --root, read against where the author typed the command, or this project. */
  projectRoot(root: string | undefined): string;
  /** Where the author typed the command: npm runs scripts from the project folder, paths are typed from here. */
  here: string;
}

export function contentCli(command: string): ContentCli {
  const here = process.env.INIT_CWD ?? process.cwd();
  return {
    fail(message) {
      console.error(`${command}: ${message}`);
      process.exit(1);
    },
    projectRoot(root) {
      return root === undefined ? join(dirname(fileURLToPath(import.meta.url)), '..') : resolve(here, root);
    },
    here,
  };
}

/** The command's string options and its positionals; an unknown or malformed option fails with the usage line. */
export function readArguments<const Names extends string>(cli: ContentCli, names: readonly Names[], usage: string) {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<Names, { type: 'string' }>;
  try {
    const { values, positionals } = parseArgs({ allowPositionals: true, options } satisfies ParseArgsConfig);
    return { options: values as Partial<Record<Names, string>>, positionals };
  } catch (error) {
    return cli.fail(`${(error as Error).message}\n${usage}`);
  }
}
