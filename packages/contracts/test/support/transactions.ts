import assert from 'node:assert/strict';
import {
  type Abi,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hash,
  type Hex,
  type TransactionReceipt,
} from 'viem';
import { type ChainLink, confirmed } from '../../src/index.js';
import * as artifacts from '../../src/generated/artifacts.js';
import type { ContractName } from './local-deployment.js';

type AbiError = Extract<Abi[number], { type: 'error' }>;

const CONTRACT_NAMES = Object.keys(artifacts).filter((key): key is ContractName => key !== 'SOURCES_FINGERPRINT');

/** Every custom error any of our contracts (or the OpenZeppelin code inside them) can raise. */
export type ErrorName = Extract<(typeof artifacts)[ContractName]['abi'][number], { type: 'error' }>['name'];

/** The errors of every contract: a revert that comes from a contract called by the one we called still decodes. */
const ALL_ERRORS: Abi = CONTRACT_NAMES.flatMap((name) =>
  (artifacts[name].abi as Abi).filter((item): item is AbiError => item.type === 'error'),
);

/** Sends, waits for the receipt and fails if the transaction reverted. */
export async function sent(link: ChainLink, hash: Promise<Hash>): Promise<TransactionReceipt> {
  return confirmed(link, await hash);
}

/**
 * Runs a write or a simulation that must revert with the custom error `errorName`, and returns the error's
 * arguments for further checks.
 */
export async function expectRevert(action: () => Promise<unknown>, errorName: ErrorName): Promise<readonly unknown[]> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught !== undefined, `expected a revert with ${errorName}, but the call succeeded`);
  assert.ok(caught instanceof BaseError, `expected a viem error, got ${String(caught)}`);
  const reverted = caught.walk((cause) => cause instanceof ContractFunctionRevertedError);
  assert.ok(reverted instanceof ContractFunctionRevertedError, `expected a contract revert, got: ${caught.shortMessage}`);
  const decoded = decodeRevert(reverted);
  assert.equal(decoded.errorName, errorName, `reverted with ${decoded.errorName}, expected ${errorName}`);
  return decoded.args;
}

function decodeRevert(error: ContractFunctionRevertedError): { errorName: string; args: readonly unknown[] } {
  if (error.data !== undefined) return { errorName: error.data.errorName, args: error.data.args ?? [] };
  const raw: Hex | undefined = error.raw;
  assert.ok(raw !== undefined && raw !== '0x', `reverted without data: ${error.shortMessage}`);
  const decoded = decodeErrorResult({ abi: ALL_ERRORS, data: raw });
  return { errorName: decoded.errorName, args: decoded.args ?? [] };
}
