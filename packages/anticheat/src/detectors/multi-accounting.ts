import type { AccountFacts } from '../observations.js';
import type { Signal } from '../signal.js';
import { DEFAULT_FLAG_THRESHOLD } from '../signal.js';
import { rounded } from '../scoring.js';
import { pairKey, pairOfKey } from '../seating.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';

export const MULTI_ACCOUNTING = 'multi-accounting';

/**
 * Ties between two accounts, in points; 4 points score 1, so 2 points (the flag threshold) need two independent
 * ties. A household shares a home address and often a tablet (1.5 points): that alone is not one person.
 */
const POINTS = {
  /** A wallet is one person's key: sharing one is the strongest tie there is. */
  wallet: 2,
  /** A device is strong but families share them. */
  firstDevice: 1,
  /** Each further shared device: two people rarely share a phone and a computer. */
  furtherDevice: 0.5,
  /** Sign-ins that follow each other within minutes, again and again: one person switching accounts. */
  signInTiming: 1,
  /** A home address (few accounts behind it); weak alone, since households share one. */
  rareAddress: 0.5,
} as const;
const FULL_SCORE_POINTS = 4;
/** Addresses shared by more accounts than this are carrier or café addresses (CGNAT) and say nothing. */
const MAX_ACCOUNTS_AT_RARE_ADDRESS = 3;
/** Two sign-ins this close are one sitting; switching accounts takes a minute or two, not a quarter hour. */
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/**
 * The share of the less active account's sign-ins that have one of the other's within the window. Family members
 * sometimes sit down together (a tenth or two of the time); one person switching accounts does it every time.
 */
const SIGN_IN_SHARE_THRESHOLD = 0.5;
/** Fewer sign-ins than this are too few to show a habit. */
const MIN_SIGN_INS = 5;

interface Tie {
  a: string;
  b: string;
  points: number;
  score: number;
  devices: string[];
  addresses: string[];
  wallet: string | null;
  signInShare: number;
}

/** Accounts grouped by a shared value (device, address, wallet). */
function groupBy(accounts: readonly AccountFacts[], values: (facts: AccountFacts) => readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const facts of accounts) {
    for (const value of new Set(values(facts))) {
      const group = groups.get(value) ?? [];
      group.push(facts.accountId);
      groups.set(value, group);
    }
  }
  return groups;
}

/** The share of `mine` that has a sign-in of `theirs` within the window (both sorted). */
function signInShare(mine: readonly number[], theirs: readonly number[]): number {
  if (mine.length === 0) return 0;
  let matched = 0;
  let j = 0;
  for (const time of mine) {
    while (j < theirs.length && theirs[j] < time - SIGN_IN_WINDOW_MS) j++;
    if (j < theirs.length && theirs[j] <= time + SIGN_IN_WINDOW_MS) matched++;
  }
  return matched / mine.length;
}

function judgeTie(a: AccountFacts, b: AccountFacts, rareAddresses: ReadonlySet<string>): Tie {
  const devices = a.devices.filter((device) => b.devices.includes(device));
  const addresses = a.addresses.filter((address) => rareAddresses.has(address) && b.addresses.includes(address));
  const wallet = a.wallet !== null && a.wallet === b.wallet ? a.wallet : null;
  const [fewer, more] = a.signIns.length <= b.signIns.length ? [a, b] : [b, a];
  const share = fewer.signIns.length < MIN_SIGN_INS ? 0 : signInShare([...fewer.signIns].sort((x, y) => x - y), [...more.signIns].sort((x, y) => x - y));
  let points = 0;
  if (wallet !== null) points += POINTS.wallet;
  if (devices.length > 0) points += POINTS.firstDevice + POINTS.furtherDevice * Math.min(2, devices.length - 1);
  if (share >= SIGN_IN_SHARE_THRESHOLD) points += POINTS.signInTiming;
  if (addresses.length > 0) points += POINTS.rareAddress;
  const [first, second] = [a.accountId, b.accountId].sort();
  return { a: first, b: second, points, score: Math.min(1, points / FULL_SCORE_POINTS), devices, addresses, wallet, signInShare: share };
}

function tieEvidence(tie: Tie): { [key: string]: string | number | string[] | null } {
  return {
    a: tie.a,
    b: tie.b,
    points: tie.points,
    sharedDevices: tie.devices,
    sharedHomeAddresses: tie.addresses,
    sharedWallet: tie.wallet,
    signInShare: rounded(tie.signInShare),
  };
}

/** Groups accounts joined by ties (union-find: each account points toward its group's root). */
function clusters(ties: readonly Tie[]): string[][] {
  const parent = new Map<string, string>();
  const find = (account: string): string => {
    let current = account;
    for (let up = parent.get(current); up !== undefined; up = parent.get(current)) current = up;
    return current;
  };
  for (const tie of ties) {
    const [rootA, rootB] = [find(tie.a), find(tie.b)];
    if (rootA !== rootB) parent.set(rootB, rootA);
  }
  const groups = new Map<string, Set<string>>();
  for (const tie of ties) {
    const root = find(tie.a);
    const group = groups.get(root) ?? new Set<string>();
    group.add(tie.a).add(tie.b);
    groups.set(root, group);
  }
  return [...groups.values()].map((group) => [...group].sort());
}

/**
 * Multi-accounting: accounts tied by a shared device, wallet or home address and by sign-ins that follow each
 * other. Accounts tied strongly enough form a cluster, reported as one signal; weaker ties are reported as pairs.
 */
export const detectMultiAccounting: Detector = ({ accounts }) => {
  const byId = new Map(accounts.map((facts) => [facts.accountId, facts]));
  const byAddress = groupBy(accounts, (facts) => facts.addresses);
  const rareAddresses = new Set([...byAddress].filter(([, group]) => group.length <= MAX_ACCOUNTS_AT_RARE_ADDRESS).map(([address]) => address));
  const candidates = new Set<string>();
  const addPairs = (groups: Map<string, string[]>, usable: (value: string) => boolean): void => {
    for (const [value, group] of groups) {
      if (!usable(value)) continue;
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) candidates.add(pairKey(group[i], group[j]));
    }
  };
  addPairs(groupBy(accounts, (facts) => facts.devices), () => true);
  addPairs(groupBy(accounts, (facts) => (facts.wallet === null ? [] : [facts.wallet])), () => true);
  addPairs(byAddress, (address) => rareAddresses.has(address));

  const ties: Tie[] = [];
  for (const key of candidates) {
    const [a, b] = pairOfKey(key);
    const tie = judgeTie(byId.get(a) as AccountFacts, byId.get(b) as AccountFacts, rareAddresses);
    if (tie.score >= REPORT_FLOOR) ties.push(tie);
  }
  const strong = ties.filter((tie) => tie.score >= DEFAULT_FLAG_THRESHOLD);
  const signals: Signal[] = clusters(strong).map((members) => {
    const inside = strong.filter((tie) => members.includes(tie.a));
    // Every member is tied to the cluster at the flag threshold or above; the case is as strong as its strongest tie.
    const score = Math.max(...inside.map((tie) => tie.score));
    return {
      detector: MULTI_ACCOUNTING,
      accounts: members,
      score,
      summary: `${members.length} accounts tied by shared devices, wallet, home address or sign-ins that follow each other: ${members.join(', ')}`,
      evidence: { ties: inside.map(tieEvidence), points: { ...POINTS }, flagPoints: DEFAULT_FLAG_THRESHOLD * FULL_SCORE_POINTS },
    };
  });
  for (const tie of ties) {
    if (tie.score >= DEFAULT_FLAG_THRESHOLD) continue;
    signals.push({
      detector: MULTI_ACCOUNTING,
      accounts: [tie.a, tie.b],
      score: tie.score,
      summary: `${tie.a} and ${tie.b} share ${tie.points} points of ties, short of the ${DEFAULT_FLAG_THRESHOLD * FULL_SCORE_POINTS} that flag`,
      evidence: { ties: [tieEvidence(tie)], points: { ...POINTS }, flagPoints: DEFAULT_FLAG_THRESHOLD * FULL_SCORE_POINTS },
    });
  }
  return signals;
};
