import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '@guandan/sdk';
import { errorText } from '../src/session/error-text';
import { LANGS, translate } from '../src/i18n/strings';
import { RpcFailure } from '../src/wallet/json-rpc';
import { WalletError, type WalletProblem } from '../src/wallet/wallet-error';
import { walletFailure } from '../src/wallet/wallet-failure';

const HAN = /\p{Script=Han}/u;
const problemOf = (error: unknown) => {
  const failure = walletFailure(error);
  return failure instanceof WalletError ? failure.problem : failure;
};

describe('walletFailure', () => {
  it('reads what a wallet or a node answered', () => {
    assert.equal(problemOf(new RpcFailure(4001, 'User rejected the request.')), 'rejected');
    assert.equal(problemOf(new RpcFailure(-32000, 'insufficient funds for gas * price + value: have 0 want 21000')), 'noGas');
    assert.equal(problemOf(new RpcFailure(3, 'execution reverted: ERC20InsufficientBalance')), 'reverted');
    assert.equal(problemOf(new RpcFailure(-32603, 'something else')), 'failed');
    assert.equal(problemOf(new TypeError('Failed to fetch')), 'failed');
  });

  it('finds the reason deep in a cause chain', () => {
    const wrapped = new Error('request failed', { cause: new Error('provider error', { cause: { code: 4001, message: 'denied' } }) });
    assert.equal(problemOf(wrapped), 'rejected');
  });

  it('keeps a WalletError and the server’s own refusals as they are', () => {
    const wallet = new WalletError('wrongAccount', 'other account');
    assert.equal(walletFailure(wallet), wallet);
    const refused = new ApiError('WALLET_REQUIRED', 'link a wallet first', 409);
    assert.equal(walletFailure(new Error('relay', { cause: refused })), refused);
  });
});

describe('errorText for wallets', () => {
  const problems: WalletProblem[] = ['noWallet', 'rejected', 'wrongAccount', 'wrongChain', 'noGas', 'reverted', 'failed'];

  it('has words of its own in both languages for every wallet problem', () => {
    for (const lang of LANGS) {
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
      const texts = problems.map((problem) => errorText(t, new WalletError(problem, 'English from the wallet')));
      assert.equal(new Set(texts).size, problems.length, 'each problem reads differently');
      for (const text of texts) {
        assert.doesNotMatch(text, /wallet\.error\.|English from/);
        if (lang === 'zh-CN') assert.match(text, HAN);
        else assert.doesNotMatch(text, HAN);
      }
    }
  });
});
