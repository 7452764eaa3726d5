import { CHEATER_KINDS, type CheaterKind, type Identity, type PlayStyle, type SimAccount, type TimingModel } from './model.js';
import type { Random } from './random.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A group of cheating accounts and what they do together. */
export interface Scheme {
  kind: CheaterKind;
  members: string[];
  /** Colluders: how often they take a chance to favour each other. */
  blatancy: number;
}

export interface Population {
  accounts: SimAccount[];
  schemes: Scheme[];
  /** Honest friends who often play custom rooms together: they meet far more than strangers, and cheat nobody. */
  friendGroups: string[][];
}

export interface PopulationOptions {
  honest: number;
  /** Groups of each kind of cheater (a pair, a ring of farmers, a multi-accounter's accounts, two scripted accounts). */
  groups: number;
  start: number;
}

/** Addresses many people share (mobile carriers, cafés): they tie nobody to anybody. */
const SHARED_ADDRESSES = 20;
/** The share of honest accounts living with another player, and how often such a household shares a tablet. */
const HOUSEHOLD_SHARE = 0.08;
const FAMILY_TABLET = 0.3;
/** The share of honest accounts in a group of four friends. */
const FRIENDS_SHARE = 0.2;

function humanStyle(random: Random): PlayStyle {
  const roll = random.next();
  // People deviate from any bot on a fair share of real choices; a slip rate of 12-35% gives agreement with the
  // normal bot that varies between accounts the way skill does.
  return { skill: roll < 0.35 ? 'easy' : roll < 0.8 ? 'normal' : 'hard', slipRate: random.between(0.12, 0.35) };
}

function humanTiming(random: Random): TimingModel {
  return { kind: 'human', medianMs: Math.min(6000, Math.max(1200, random.logNormal(2500, 0.35))), sigma: random.between(0.45, 0.85) };
}

/** Most players play in the evening of the platform's main time zone; a quarter at any hour. */
function peakHour(random: Random): number {
  if (random.chance(0.25)) return random.between(0, 24);
  return (((13 + 3 * random.normal()) % 24) + 24) % 24;
}

function ownIdentity(id: string, random: Random): Identity {
  const devices = [`device-${id}-1`, ...(random.chance(0.4) ? [`device-${id}-2`] : [])];
  const carrier = Array.from({ length: random.int(3) }, () => `shared-${random.int(SHARED_ADDRESSES)}`);
  return { devices, addresses: [`home-${id}`, ...new Set(carrier)], wallet: random.chance(0.6) ? `wallet-${id}` : null };
}

/** Puts some honest accounts in households of two or three: one home address, sometimes a family tablet. */
function formHouseholds(honest: SimAccount[], random: Random): void {
  const living = random.shuffled(honest).slice(0, Math.round(honest.length * HOUSEHOLD_SHARE));
  for (let i = 0; i + 1 < living.length; ) {
    const size = i + 2 < living.length && random.chance(0.3) ? 3 : 2;
    const members = living.slice(i, i + size);
    const home = members[0].identity.addresses[0];
    const tablet = random.chance(FAMILY_TABLET) ? `device-family-${members[0].id}` : null;
    for (const member of members) {
      member.identity.addresses[0] = home;
      if (tablet !== null) member.identity.devices.push(tablet);
    }
    i += size;
  }
}

/** Groups of four honest friends, who keep the same hours. */
function formFriendGroups(honest: SimAccount[], random: Random): string[][] {
  const friends = random.shuffled(honest).slice(0, 4 * Math.floor((honest.length * FRIENDS_SHARE) / 4));
  const groups: string[][] = [];
  for (let i = 0; i < friends.length; i += 4) {
    const members = friends.slice(i, i + 4);
    for (const member of members) member.peakHour = members[0].peakHour;
    groups.push(members.map((member) => member.id));
  }
  return groups;
}

/**
 * The accounts of a run: honest players of every skill and pace, and `groups` groups of each kind of cheater. Ids
 * are neutral (`acct-…`, in random order) so nothing but the ground truth knows who cheats.
 */
export function buildPopulation(options: PopulationOptions, random: Random): Population {
  const drafts: { kind: SimAccount['kind']; group: number }[] = [];
  for (let i = 0; i < options.honest; i++) drafts.push({ kind: 'honest', group: -1 });
  const sizes: Record<CheaterKind, () => number> = {
    colluder: () => 2,
    'coin-dumper': () => 2,
    'win-trader': () => 2,
    scripted: () => 2,
    'multi-accounter': () => 3 + random.int(2),
    'reward-farmer': () => 4,
  };
  let group = 0;
  for (const kind of CHEATER_KINDS) {
    for (let g = 0; g < options.groups; g++, group++) {
      const size = sizes[kind]();
      for (let m = 0; m < size; m++) drafts.push({ kind, group });
    }
  }
  const order = random.shuffled(drafts.map((_, index) => index));
  const ids = new Map(order.map((draftIndex, position) => [draftIndex, `acct-${String(position + 1).padStart(4, '0')}`]));

  const accounts: SimAccount[] = [];
  const byGroup = new Map<number, SimAccount[]>();
  drafts.forEach((draft, index) => {
    const id = ids.get(index) as string;
    const account: SimAccount = {
      id,
      kind: draft.kind,
      style: humanStyle(random),
      timing: humanTiming(random),
      identity: ownIdentity(id, random),
      createdAt: options.start - Math.round(random.between(1, 400) * DAY_MS),
      peakHour: peakHour(random),
    };
    accounts.push(account);
    if (draft.group < 0) return;
    const members = byGroup.get(draft.group) ?? [];
    members.push(account);
    byGroup.set(draft.group, members);
  });
  const honest = accounts.filter((account) => account.kind === 'honest');
  formHouseholds(honest, random);
  const friendGroups = formFriendGroups(honest, random);

  const schemes: Scheme[] = [];
  for (const members of byGroup.values()) {
    const kind = members[0].kind as CheaterKind;
    shapeScheme(kind, members, random);
    schemes.push({ kind, members: members.map((member) => member.id), blatancy: random.between(0.4, 1) });
  }
  return { accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)), schemes, friendGroups };
}

/** What the members of one scheme share: a rhythm always; a person behind several accounts; a program's play and pace. */
function shapeScheme(kind: CheaterKind, members: SimAccount[], random: Random): void {
  for (const member of members) member.peakHour = members[0].peakHour;
  if (kind === 'scripted') {
    for (const member of members) {
      member.style = { skill: random.chance(0.6) ? 'normal' : 'hard', slipRate: 0 };
      member.timing = random.chance(0.5)
        ? { kind: 'machine', delayMs: random.between(600, 2000), jitter: random.between(0.1, 0.5), shape: 'uniform' }
        : { kind: 'machine', delayMs: random.between(600, 2000), jitter: random.between(0.08, 0.2), shape: 'log-normal' };
    }
  } else if (kind === 'multi-accounter') {
    // One person: one way of playing, one pace, the same phone for every account, a computer for some, one home.
    const owner = members[0];
    const phone = `device-${owner.id}-phone`;
    const computer = `device-${owner.id}-computer`;
    for (const member of members) {
      member.style = owner.style;
      member.timing = owner.timing;
      member.identity = {
        devices: [phone, ...(random.chance(0.5) ? [computer] : [])],
        addresses: [owner.identity.addresses[0], ...member.identity.addresses.slice(1)],
        wallet: member.identity.wallet,
      };
    }
  } else if (kind === 'reward-farmer') {
    // A program playing the normal bot, its pace jittered to look like a person's, each account behind its own proxy.
    for (const member of members) {
      member.style = { skill: 'normal', slipRate: 0 };
      member.timing = { kind: 'human', medianMs: random.between(350, 600), sigma: random.between(0.4, 0.6) };
      member.identity = { devices: [`device-${member.id}-1`], addresses: [`proxy-${member.id}`], wallet: `wallet-${member.id}` };
    }
  }
}
