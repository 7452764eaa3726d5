#!/usr/bin/env node
/**
 * A stand-in for the native `solc` binary, backed by solc-js (the npm package `solc`), so that forge compiles offline
 * without downloading a compiler. foundry.toml points `solc` at this file. forge only needs two modes:
 *   solc --version                  prints the version line forge parses
 *   solc --standard-json [...]      reads the standard-JSON input on stdin, writes the output on stdout
 * forge sends the content of the sources it resolved; an import it did not send is read from disk as native solc
 * does: relative to --base-path (the working directory without one), then to each --include-path.
 * This file must stay executable (git keeps its mode 755).
 */
import { Buffer } from 'node:buffer';
import { readFileSync, writeSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import solc from 'solc';

const args = process.argv.slice(2);

/**
 * Writes all of `text` to stdout synchronously. forge reads from a pipe, which takes 64 KiB at a time: a single
 * write of the output (megabytes) would be cut, so loop until every byte is written.
 */
function writeAll(text) {
  const bytes = Buffer.from(text, 'utf8');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe that is full: wait a millisecond for the reader to drain it, then go on.
      if (error?.code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

function optionValues(name) {
  const values = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === name && i + 1 < args.length) values.push(...args[i + 1].split(','));
    else if (args[i].startsWith(`${name}=`)) values.push(...args[i].slice(name.length + 1).split(','));
  }
  return values.filter((value) => value !== '');
}

if (args.includes('--version')) {
  // The same shape as native solc's answer; forge reads the semver after "Version: ".
  writeAll(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write(`solc-shim (solc-js ${solc.version()}) supports only --version and --standard-json; got: ${args.join(' ')}\n`);
  process.exit(2);
}

// Like native solc: the base path (the working directory when there is none), then each include path.
const [basePath] = optionValues('--base-path');
const roots = [basePath ?? process.cwd(), ...optionValues('--include-path')];

function findImport(path) {
  for (const root of roots) {
    try {
      return { contents: readFileSync(isAbsolute(path) ? path : resolve(root, path), 'utf8') };
    } catch {
      // not under this root: try the next
    }
  }
  return { error: `File not found: ${path}` };
}

const input = readFileSync(0, 'utf8');
writeAll(solc.compile(input, { import: findImport }));
