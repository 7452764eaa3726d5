import { GuandanGovernor, GuanToken } from '@guandan/contracts';
import { PreparedTransactionsSchema, PROPOSAL_STATES, ProposalSchema, VoteBodySchema } from '@guandan/protocol';
import { formatUnits, getAddress } from 'viem';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { ChainAccess } from './chain-access.js';
import type { ChainEventStore } from './chain-event-store.js';
import { call, prepared } from './prepared.js';

const VOTES = ['against', 'for', 'abstain'] as const;

/** How long a proposals read waits for the indexer to reach the chain's head before answering what it has. */
const CATCH_UP_WAIT_MS = 3000;

/**
 * The DAO: proposals as the indexer recorded them, with their state and tallies read live; votes prepared. A read
 * first lets the indexer catch up, so that a proposal mined a moment ago is listed.
 */
export function daoRoutes(access: ChainAccess, events: ChainEventStore, catchUp: () => Promise<void>) {
  return [
    route({
      method: 'GET',
      path: '/dao/proposals',
      summary: 'The DAO’s proposals, newest first, with their state and votes',
      tag: 'dao',
      auth: false,
      response: z.array(ProposalSchema),
      handler: async () => {
        const runtime = access.chain();
        await Promise.race([catchUp(), sleep(CATCH_UP_WAIT_MS)]);
        const proposals = await events.latestProposals(50);
        const governor = { address: runtime.addresses.GuandanGovernor, abi: GuandanGovernor.abi } as const;
        return Promise.all(
          proposals.map(async ({ created, block }) => {
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
              created_block: block,
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
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
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
        const { runtime, wallet } = await access.chainAndWallet(user.userId);
        return prepared(runtime, wallet, [call(runtime.addresses.GuanToken, GuanToken.abi, 'delegate', [wallet], 'Use my GUAN to vote')]);
      },
    }),
  ];
}
