import { GameItems, ItemMarket } from '@guandan/contracts';
import { BuyItemBodySchema, type Item, ItemSchema, ListingSchema, ListItemBodySchema, PreparedTransactionsSchema, ProtocolError } from '@guandan/protocol';
import { type Address, formatUnits, getAddress } from 'viem';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { ChainAccess } from './chain-access.js';
import type { ChainEventStore } from './chain-event-store.js';
import type { ChainRuntime } from './chain-runtime.js';
import { approvalIfNeeded, call, prepared } from './prepared.js';
import { tokenUnits } from './token-amount.js';

const KINDS = ['skin', 'badge'] as const;

/** Items (skins and badges) and their market: who holds what comes from the index, the rest is read live. */
export function itemRoutes(access: ChainAccess, events: ChainEventStore) {
  /** Token ids whose last indexed transfer went to `owner` (or to anyone, without one). */
  const heldItems = async (owner?: Address): Promise<string[]> => {
    const holder = new Map<string, string>();
    for (const { to, tokenId } of await events.itemTransfers()) holder.set(tokenId, getAddress(to));
    return [...holder].filter(([, to]) => owner === undefined || to === owner).map(([tokenId]) => tokenId);
  };
  const readItem = async (runtime: ChainRuntime, tokenId: string): Promise<Item> => {
    const items = { address: runtime.addresses.GameItems, abi: GameItems.abi } as const;
    const id = BigInt(tokenId);
    const [owner, kind, uri, lockedUntil] = await Promise.all([
      runtime.link.reader.readContract({ ...items, functionName: 'ownerOf', args: [id] }),
      runtime.link.reader.readContract({ ...items, functionName: 'kindOf', args: [id] }),
      runtime.link.reader.readContract({ ...items, functionName: 'tokenURI', args: [id] }),
      runtime.link.reader.readContract({ ...items, functionName: 'lockedUntil', args: [id] }),
    ]);
    return { token_id: tokenId, kind: KINDS[kind] ?? 'skin', uri, owner, locked_until: Number(lockedUntil) };
  };
  return [
    route({
      method: 'GET',
      path: '/nft/inventory',
      summary: 'The items (skins and badges) the caller’s wallet holds',
      tag: 'nft',
      auth: true,
      response: z.array(ItemSchema),
      handler: async ({ user }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        return Promise.all((await heldItems(wallet)).map((tokenId) => readItem(runtime, tokenId)));
      },
    }),
    route({
      method: 'GET',
      path: '/nft/market',
      summary: 'Items for sale, with their price in PLAY',
      tag: 'nft',
      auth: false,
      response: z.array(ListingSchema),
      handler: async () => {
        const runtime = access.chain();
        const market = { address: runtime.addresses.ItemMarket, abi: ItemMarket.abi } as const;
        const listings = await Promise.all(
          (await heldItems()).map(async (tokenId) => {
            const [seller, price] = await runtime.link.reader.readContract({ ...market, functionName: 'listings', args: [BigInt(tokenId)] });
            if (price === 0n) return null;
            const item = await readItem(runtime, tokenId);
            // A listing whose item has moved since cannot be bought: leave it out.
            return item.owner === getAddress(seller) ? { token_id: tokenId, seller: item.owner, price: formatUnits(price, 18), item } : null;
          }),
        );
        return listings.filter((listing) => listing !== null);
      },
    }),
    route({
      method: 'POST',
      path: '/nft/list',
      summary: 'Prepare listing one of the caller’s items for sale at a price in PLAY',
      tag: 'nft',
      auth: true,
      body: ListItemBodySchema,
      response: PreparedTransactionsSchema,
      handler: async ({ user, body }) => {
        const price = tokenUnits(body.price, 18, 'price');
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        const item = await readItem(runtime, body.token_id).catch(() => {
          throw new ProtocolError('NOT_FOUND', `no item ${body.token_id}`);
        });
        if (item.owner !== wallet) throw new ProtocolError('FORBIDDEN', 'the item is not in your wallet');
        const { GameItems: items, ItemMarket: market } = runtime.addresses;
        const approved = await runtime.link.reader.readContract({ address: items, abi: GameItems.abi, functionName: 'isApprovedForAll', args: [wallet, market] });
        return prepared(runtime, wallet, [
          ...(approved ? [] : [call(items, GameItems.abi, 'setApprovalForAll', [market, true], 'Let the market hand over your items when they sell')]),
          call(market, ItemMarket.abi, 'list', [BigInt(body.token_id), price], `List item #${body.token_id} for ${body.price} PLAY`),
        ]);
      },
    }),
    route({
      method: 'POST',
      path: '/nft/buy',
      summary: 'Prepare buying a listed item at its current price',
      tag: 'nft',
      auth: true,
      body: BuyItemBodySchema,
      response: PreparedTransactionsSchema,
      handler: async ({ user, body }) => {
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        const { ItemMarket: market, PlayToken: play } = runtime.addresses;
        const [, price] = await runtime.link.reader.readContract({ address: market, abi: ItemMarket.abi, functionName: 'listings', args: [BigInt(body.token_id)] });
        if (price === 0n) throw new ProtocolError('NOT_FOUND', `item ${body.token_id} is not for sale`);
        const shown = formatUnits(price, 18);
        return prepared(runtime, wallet, [
          ...(await approvalIfNeeded(runtime, play, wallet, market, price, `Allow the market to take ${shown} PLAY`)),
          call(market, ItemMarket.abi, 'buy', [BigInt(body.token_id), price], `Buy item #${body.token_id} for ${shown} PLAY`),
        ]);
      },
    }),
  ];
}
