import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROPOSAL_STATES } from '@guandan/protocol';
import { quantity, sameAddress, utf8Hex } from '../src/wallet/address';
import { chainNameKey } from '../src/wallet/chain-name';
import { isOpenForVotes, tallyShares } from '../src/wallet/proposal-tally';
import { confirmed } from '../src/wallet/receipt';
import { shortHex } from '../src/wallet/short-hex';
import { WalletError } from '../src/wallet/wallet-error';
import { walletChoices, walletTypeOf } from '../src/wallet/wallet-kind';

const ADDRESS = '0x52908400098527886E0F7030069857D2E4169EE7';

describe('walletChoices', () => {
  it('offers the browser wallet wherever there is one, and the dev wallet on the local chain only', () => {
    assert.deepEqual(walletChoices({ injected: false, localChain: false }), []);
    assert.deepEqual(walletChoices({ injected: true, localChain: false }), ['injected']);
    assert.deepEqual(walletChoices({ injected: false, localChain: true }), ['dev']);
    assert.deepEqual(walletChoices({ injected: true, localChain: true }), ['injected', 'dev']);
  });

  it('records each kind as a wallet type the protocol accepts, the two apart', () => {
    assert.equal(walletTypeOf('injected'), 'metamask');
    assert.equal(walletTypeOf('dev'), 'magic');
  });
});

describe('addresses and hex', () => {
  it('compares addresses whatever their checksum case', () => {
    assert.equal(sameAddress(ADDRESS, ADDRESS.toLowerCase()), true);
    assert.equal(sameAddress(ADDRESS, '0x8617E340B3D01FA5F11F306F4090FD50E238070D'), false);
  });

  it('writes a message as the UTF-8 hex personal_sign takes', () => {
    assert.equal(utf8Hex('Hi'), '0x4869');
    assert.equal(utf8Hex('掼蛋'), '0xe68ebce89b8b');
    assert.equal(utf8Hex(''), '0x');
  });

  it('writes JSON-RPC quantities without leading zeros', () => {
    assert.equal(quantity(0), '0x0');
    assert.equal(quantity(31337), '0x7a69');
    assert.equal(quantity(10n ** 18n), '0xde0b6b3a7640000');
  });

  it('cuts long hex to its ends and leaves the rest', () => {
    assert.equal(shortHex(ADDRESS), '0x5290…9EE7');
    assert.equal(shortHex(`0x${'ab'.repeat(32)}`, 6), '0xababab…ababab');
    assert.equal(shortHex('0x1234'), '0x1234');
    assert.equal(shortHex('12345678901234567890'), '12345678901234567890');
  });
});

describe('confirmed', () => {
  const hash = `0x${'1'.repeat(64)}` as const;

  it('gives the hash of a transaction that succeeded', () => {
    assert.equal(confirmed({ status: '0x1', transactionHash: hash }), hash);
  });

  it('turns a reverted transaction into an error the player can read', () => {
    assert.throws(() => confirmed({ status: '0x0', transactionHash: hash }), (error) => error instanceof WalletError && error.problem === 'reverted');
  });
});

describe('chainNameKey', () => {
  it('names the chains the platform runs on, the local one whatever its id', () => {
    assert.equal(chainNameKey(31337, true), 'chain.local');
    assert.equal(chainNameKey(137, true), 'chain.local');
    assert.equal(chainNameKey(137, false), 'chain.polygon');
    assert.equal(chainNameKey(80002, false), 'chain.amoy');
    assert.equal(chainNameKey(1, false), 'chain.other');
  });
});

describe('tallyShares', () => {
  const votes = (votesFor: string, against: string, abstain: string) => ({ votes_for: votesFor, votes_against: against, votes_abstain: abstain });

  it('splits the votes cast into shares that add up to one', () => {
    const tally = tallyShares(votes('300', '100', '0'));
    assert.deepEqual(tally, { for: 0.75, against: 0.25, abstain: 0 });
    const thirds = tallyShares(votes('1', '1', '1'));
    assert.ok(Math.abs(thirds.for + thirds.against + thirds.abstain - 1) < 1e-5);
  });

  it('computes 18-decimal tallies far beyond what a float holds exactly', () => {
    const tally = tallyShares(votes('4000000.000000000000000001', '4000000', '0'));
    assert.equal(tally.for, 0.5);
    assert.equal(tally.against, 0.5);
  });

  it('is all zero before anyone votes', () => {
    assert.deepEqual(tallyShares(votes('0', '0', '0')), { for: 0, against: 0, abstain: 0 });
  });

  it('takes votes only while a proposal is active', () => {
    assert.deepEqual(
      PROPOSAL_STATES.filter((state) => isOpenForVotes({ state })),
      ['Active'],
    );
  });
});
