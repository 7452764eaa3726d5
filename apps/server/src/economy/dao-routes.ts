import { GuandanGovernor, GuanToken } from '@guandan/contracts';
import { PreparedTransactionsSchema, PROPOSAL_STATES, ProposalSchema, VoteBodySchema } from '@guandan/protocol';
import { formatUnits, getAddress } from 'viem';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { Db } from '../platform/db/database.js';
import { requireChain, requireWallet } from './chain-access.js';
import type { ChainRuntime } from './chain-runtime.js';
import { call, prepared } from './prepared.js';

interface ProposalCreatedArgs {
  proposalId: string;
  proposer: string;
  description: string;
  voteStart: string;
  voteEnd: string;
}

const VOTES = ['against', 'for', 'abstain'] as const;

/** How long a proposals read waits for the indexer to reach the chain's head before answering what it has. */
const CATCH_UP_WAIT_MS = 3000;

/**
 * The DAO: proposals as the indexer recorded them, with their state and tallies read live; votes prepared. A read
 * first lets the indexer catch up, so that a proposal mined a moment ago is listed.
 */
export function daoRoutes(db: Db, chain: ChainRuntime | null, catchUp: () => Promise<void>) {
  return [
    route({
      method: 'GET',
      path: '/dao/proposals',
      summary: 'The DAO’s proposals, newest first, with their state and votes',
      tag: 'dao',
      auth: false,
      response: z.array(ProposalSchema),
      handler: async () => {
        const runtime = requireChain(chain);
        await Promise.race([catchUp(), sleep(CATCH_UP_WAIT_MS)]);
        const rows = await db
          .selectFrom('chain_events')
          .select(['args', 'block_number'])
          .where('contract', '=', 'GuandanGovernor')
          .where('event', '=', 'ProposalCreated')
          .orderBy('block_number', 'desc')
          .limit(50)
          .execute();
        const governor = { address: runtime.addresses.GuandanGovernor, abi: GuandanGovernor.abi } as const;
        return Promise.all(
          rows.map(async (row) => {
            const created = JSON.parse(row.args) as ProposalCreatedArgs;
            const id = BigInt(created.proposalId);
            const [state, [against, inFavour, abstain]] = await Promise.all([
              runtime.link.reader.readContract({ ...governor, functionName: 'state', args: [id] }),
              runtime.link.reader.readContract({ ...governor, functionName: 'proposalVotes', args: [id] }),
            ]);
            return {
              proposal_id: created.proposalId,
              proposer: getAddress(created.proposer),
              description: created.description,
              state: PROPOSAL_STATES[state] ?? 'Pending',
              votes_for: formatUnits(inFavour, 18),
              votes_against: formatUnits(against, 18),
              votes_abstain: formatUnits(abstain, 18),
              vote_start: Number(created.voteStart),
              vote_end: Number(created.voteEnd),
              created_block: row.block_number,
            };
          }),
        );
      },
    }),
    route({
      method: 'POST',
      path: '/dao/vote',
      summary: 'Prepare a vote on a proposal (0 against, 1 for, 2 abstain)',
      tag: 'dao',
      auth: true,
      body: VoteBodySchema,
      response: PreparedTransactionsSchema,
      handler: async ({ user, body }) => {
        const runtime = requireChain(chain);
        const wallet = await requireWallet(db, user.userId);
        return prepared(runtime, wallet, [
          call(runtime.addresses.GuandanGovernor, GuandanGovernor.abi, 'castVote', [BigInt(body.proposal_id), body.support], `Vote ${VOTES[body.support]} proposal ${body.proposal_id.slice(0, 10)}…`),
        ]);
      },
    }),
    route({
      method: 'POST',
      path: '/dao/delegate',
      summary: 'Prepare delegating the caller’s GUAN votes to themselves (needed once before voting)',
      tag: 'dao',
      auth: true,
      body: z.strictObject({}),
      response: PreparedTransactionsSchema,
      handler: async ({ user }) => {
        const runtime = requireChain(chain);
        const wallet = await requireWallet(db, user.userId);
        return prepared(runtime, wallet, [call(runtime.addresses.GuanToken, GuanToken.abi, 'delegate', [wallet], 'Use my GUAN to vote')]);
      },
    }),
  ];
}
