import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Address, keccak256, maxUint256, parseEventLogs, parseUnits, toHex } from 'viem';
import { DEFAULTS } from '../src/index.js';
import * as artifacts from '../src/generated/artifacts.js';
import { impersonate, latestTimestamp, mineAt } from './support/chain-control.js';
import { contract, type Deployment, deployLocally } from './support/local-deployment.js';
import { expectRevert, sent } from './support/transactions.js';

const PLAY = (amount: string) => parseUnits(amount, 18);
const KIND = { Skin: 0, Badge: 1 } as const;
const DAY = 24n * 3600n;

describe('GameItems and ItemMarket', () => {
  let deployment: Deployment;
  let timelock: Address;
  const who = (index: number) => deployment.account(index).address;
  const items = (index: number) => contract(deployment, 'GameItems', deployment.as(index));
  const market = (index: number) => contract(deployment, 'ItemMarket', deployment.as(index));
  const play = () => contract(deployment, 'PlayToken', deployment.minter);

  /** Mints as the reward key and returns the new token id, read from the ItemMinted event. */
  async function mintItem(to: Address, kind: number, uri: string, unlockTime: bigint): Promise<bigint> {
    const receipt = await sent(deployment.minter, contract(deployment, 'GameItems', deployment.minter).write.mint([to, kind, uri, unlockTime]));
    const [minted] = parseEventLogs({ abi: artifacts.GameItems.abi, logs: receipt.logs, eventName: 'ItemMinted' });
    return minted.args.tokenId;
  }

  before(async () => {
    deployment = await deployLocally();
    timelock = deployment.addresses.GuandanTimelock;
    for (const index of [4, 6]) {
      await sent(deployment.minter, play().write.mintGameReward([who(index), PLAY('1000'), keccak256(toHex(`market-buyer-${index}`))]));
      await sent(deployment.as(index), contract(deployment, 'PlayToken', deployment.as(index)).write.approve([deployment.addresses.ItemMarket, maxUint256]));
    }
  });
  after(() => deployment.chain.stop());

  let skin: bigint;
  let badge: bigint;
  let badgeUnlock: bigint;
  it('lets the reward key mint skins and badges with their URIs, kinds and unlock times', async () => {
    const firstId = await items(2).read.nextTokenId();
    const receipt = await sent(
      deployment.minter,
      contract(deployment, 'GameItems', deployment.minter).write.mint([who(2), KIND.Skin, 'ipfs://skins/jade-dragon.json', 0n]),
    );
    const [minted] = parseEventLogs({ abi: artifacts.GameItems.abi, logs: receipt.logs, eventName: 'ItemMinted' });
    skin = minted.args.tokenId;
    assert.deepEqual(minted.args, { to: who(2), tokenId: firstId, kind: KIND.Skin, lockedUntil: 0n });

    badgeUnlock = (await latestTimestamp(deployment)) + DAY;
    badge = await mintItem(who(3), KIND.Badge, 'ipfs://badges/season-1.json', badgeUnlock);
    assert.equal(badge, skin + 1n);
    assert.equal(await items(2).read.nextTokenId(), badge + 1n);

    assert.equal(await items(2).read.ownerOf([skin]), who(2));
    assert.equal(await items(2).read.tokenURI([skin]), 'ipfs://skins/jade-dragon.json');
    assert.equal(await items(2).read.kindOf([skin]), KIND.Skin);
    assert.equal(await items(2).read.ownerOf([badge]), who(3));
    assert.equal(await items(2).read.tokenURI([badge]), 'ipfs://badges/season-1.json');
    assert.equal(await items(2).read.kindOf([badge]), KIND.Badge);
    assert.equal(await items(2).read.lockedUntil([badge]), badgeUnlock);

    for (const index of [0, 2]) {
      const [account] = await expectRevert(() => items(index).write.mint([who(index), KIND.Skin, 'ipfs://mine', 0n]), 'AccessControlUnauthorizedAccount');
      assert.equal(account, who(index));
    }
  });

  it('declares an ERC-2981 royalty of the configured basis points, paid to the timelock', async () => {
    const bps = BigInt(DEFAULTS.royaltyBps);
    for (const price of [PLAY('100'), PLAY('0.37'), 199n]) {
      assert.deepEqual(await items(2).read.royaltyInfo([skin, price]), [timelock, (price * bps) / 10_000n]);
    }
    assert.equal(await items(2).read.supportsInterface(['0x2a55205a']), true, 'ERC-2981');
    assert.equal(await items(2).read.supportsInterface(['0x80ac58cd']), true, 'ERC-721');
    await expectRevert(() => items(2).write.setDefaultRoyalty([who(2), 10_000n]), 'AccessControlUnauthorizedAccount');
  });

  it('refuses to transfer a locked badge before its unlock time and allows it after', async () => {
    const [tokenId, until] = await expectRevert(() => items(3).write.transferFrom([who(3), who(5), badge]), 'TransferLocked');
    assert.deepEqual([tokenId, until], [badge, badgeUnlock]);
    await expectRevert(() => items(3).write.safeTransferFrom([who(3), who(5), badge]), 'TransferLocked');
    assert.equal(await items(3).read.ownerOf([badge]), who(3), 'the holder keeps (and can use) it meanwhile');

    await mineAt(deployment, badgeUnlock);
    await sent(deployment.as(3), items(3).write.transferFrom([who(3), who(5), badge]));
    assert.equal(await items(3).read.ownerOf([badge]), who(5));
  });

  it('sells a listed item: the buyer pays the price, the royalty goes to its receiver and the rest to the seller', async () => {
    const price = PLAY('40');
    await sent(deployment.as(2), items(2).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
    const listed = await sent(deployment.as(2), market(2).write.list([skin, price]));
    const [listing] = parseEventLogs({ abi: artifacts.ItemMarket.abi, logs: listed.logs, eventName: 'Listed' });
    assert.deepEqual(listing.args, { tokenId: skin, seller: who(2), price });
    assert.deepEqual(await market(2).read.listings([skin]), [who(2), price]);

    const [receiver, royalty] = await items(2).read.royaltyInfo([skin, price]);
    assert.equal(receiver, timelock);
    assert.ok(royalty > 0n);
    const balances = async () => Promise.all([who(4), who(2), timelock].map((account) => play().read.balanceOf([account])));
    const [buyerBefore, sellerBefore, receiverBefore] = await balances();

    const receipt = await sent(deployment.as(4), market(4).write.buy([skin, price]));
    const [buyerAfter, sellerAfter, receiverAfter] = await balances();
    assert.equal(buyerAfter, buyerBefore - price);
    assert.equal(sellerAfter, sellerBefore + price - royalty);
    assert.equal(receiverAfter, receiverBefore + royalty);
    assert.equal(await items(4).read.ownerOf([skin]), who(4));
    assert.deepEqual(await market(4).read.listings([skin]), ['0x0000000000000000000000000000000000000000', 0n]);
    const [sold] = parseEventLogs({ abi: artifacts.ItemMarket.abi, logs: receipt.logs, eventName: 'Sold' });
    assert.deepEqual(sold.args, { tokenId: skin, seller: who(2), buyer: who(4), price, royalty });
    await expectRevert(() => market(6).write.buy([skin, price]), 'NotListed');
  });

  it('refuses to sell a listing whose item has moved since it was listed', async () => {
    await sent(deployment.as(4), items(4).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
    await sent(deployment.as(4), market(4).write.list([skin, PLAY('50')]));
    await sent(deployment.as(4), items(4).write.transferFrom([who(4), who(5), skin]));
    const buyerBalance = await play().read.balanceOf([who(6)]);
    assert.deepEqual(await expectRevert(() => market(6).write.buy([skin, PLAY('50')]), 'ListingStale'), [skin]);
    assert.equal(await items(6).read.ownerOf([skin]), who(5));
    assert.equal(await play().read.balanceOf([who(6)]), buyerBalance);
  });

  it('guards the buyer with maxPrice against a price raised after reading it', async () => {
    await sent(deployment.as(5), items(5).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
    await sent(deployment.as(5), market(5).write.list([skin, PLAY('10')]));
    assert.deepEqual(await expectRevert(() => market(6).write.buy([skin, PLAY('10') - 1n]), 'PriceChanged'), [PLAY('10') - 1n, PLAY('10')]);
    // The seller relists at a higher price: the buyer's old maxPrice no longer buys.
    await sent(deployment.as(5), market(5).write.list([skin, PLAY('25')]));
    assert.deepEqual(await expectRevert(() => market(6).write.buy([skin, PLAY('10')]), 'PriceChanged'), [PLAY('10'), PLAY('25')]);
    // A maxPrice above the price pays the listed price, not the maximum.
    const balance = await play().read.balanceOf([who(6)]);
    await sent(deployment.as(6), market(6).write.buy([skin, PLAY('30')]));
    assert.equal(await play().read.balanceOf([who(6)]), balance - PLAY('25'));
    assert.equal(await items(6).read.ownerOf([skin]), who(6));
  });

  it('lets only the seller cancel a listing, after which it cannot be bought', async () => {
    await sent(deployment.as(6), items(6).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
    await sent(deployment.as(6), market(6).write.list([skin, PLAY('5')]));
    assert.deepEqual(await expectRevert(() => market(4).write.cancel([skin]), 'NotListed'), [skin]);
    const receipt = await sent(deployment.as(6), market(6).write.cancel([skin]));
    const [cancelled] = parseEventLogs({ abi: artifacts.ItemMarket.abi, logs: receipt.logs, eventName: 'Cancelled' });
    assert.deepEqual(cancelled.args, { tokenId: skin, seller: who(6) });
    assert.deepEqual(await market(6).read.listings([skin]), ['0x0000000000000000000000000000000000000000', 0n]);
    await expectRevert(() => market(4).write.buy([skin, PLAY('5')]), 'NotListed');
  });

  it('refuses a listing by anyone but the owner, at a zero price, or of an item that does not exist', async () => {
    assert.deepEqual(await expectRevert(() => market(4).write.list([skin, PLAY('1')]), 'NotOwner'), [skin]);
    await expectRevert(() => market(6).write.list([skin, 0n]), 'ZeroPrice');
    // The refusal comes from GameItems, inside the market's call.
    await expectRevert(() => market(6).write.list([9_999n, PLAY('1')]), 'ERC721NonexistentToken');
  });

  it('cannot sell a locked item: the whole purchase reverts and the buyer keeps the payment', async () => {
    const locked = await mintItem(who(7), KIND.Badge, 'ipfs://badges/season-2.json', (await latestTimestamp(deployment)) + DAY);
    await sent(deployment.as(7), items(7).write.setApprovalForAll([deployment.addresses.ItemMarket, true]));
    await sent(deployment.as(7), market(7).write.list([locked, PLAY('3')]));
    const balances = await Promise.all([who(6), who(7), timelock].map((account) => play().read.balanceOf([account])));
    assert.deepEqual((await expectRevert(() => market(6).write.buy([locked, PLAY('3')]), 'TransferLocked'))[0], locked);
    assert.deepEqual(await Promise.all([who(6), who(7), timelock].map((account) => play().read.balanceOf([account]))), balances);
    assert.deepEqual(await market(6).read.listings([locked]), [who(7), PLAY('3')], 'the listing is still there');
  });

  it('lets the timelock, its admin, change the royalty, and the market pays the new one', async () => {
    const dao = await impersonate(deployment, timelock);
    await sent(dao, contract(deployment, 'GameItems', dao).write.setDefaultRoyalty([who(8), 1_000n]));
    const price = PLAY('8');
    assert.deepEqual(await items(7).read.royaltyInfo([skin, price]), [who(8), (price * 1_000n) / 10_000n]);
    await sent(deployment.as(6), market(6).write.list([skin, price]));
    const [receiverBefore, sellerBefore] = await Promise.all([who(8), who(6)].map((account) => play().read.balanceOf([account])));
    await sent(deployment.as(4), market(4).write.buy([skin, price]));
    assert.equal(await play().read.balanceOf([who(8)]), receiverBefore + (price * 1_000n) / 10_000n);
    assert.equal(await play().read.balanceOf([who(6)]), sellerBefore + price - (price * 1_000n) / 10_000n);
  });
});
