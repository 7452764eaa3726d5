import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Rules } from '@guandan/engine';

/** A positive number from a command-line flag. */
export function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flag} must be a positive number, got ${JSON.stringify(text)}`);
  return value;
}

/** A seed: a number when it looks like one (as the engine's CLI reads it), else the string. */
export function seedOf(text: string): string | number {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

/**
 * Rule options from a JSON file (checked by the engine when used). A relative path is taken from the directory
 * `npm` was run in (INIT_CWD), not the package directory `npm run -w` switches to.
 */
export function readRulesFile(path: string): Partial<Rules> {
  const value: unknown = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path), 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: rules must be a JSON object`);
  return value as Partial<Rules>;
}

/** Runs a CLI's main function: an error is printed as one line and the exit code set to 1. */
export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
