import type { Proposal } from '@guandan/protocol';
import type { VoteSupport } from '@guandan/sdk';
import { StyleSheet, Text, View } from 'react-native';
import { type StringKey, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { colors, fonts, monoFamily, space } from '../../ui/theme';
import { isOpenForVotes, tallyShares } from '../../wallet/proposal-tally';
import { shortHex } from '../../wallet/short-hex';
import { displayAmount } from '../../wallet/token-amount';
import { TALLY_COLORS, TallyBar } from './TallyBar';

const STATE_COLORS: Record<Proposal['state'], string> = {
  Pending: colors.textDim,
  Active: colors.gold,
  Canceled: colors.textDim,
  Defeated: '#e0675c',
  Succeeded: '#6cc07a',
  Queued: colors.team0,
  Expired: colors.textDim,
  Executed: '#6cc07a',
};

/** OpenZeppelin's counting order on the wire (0 against, 1 for, 2 abstain); shown for, against, abstain. */
const SIDES: readonly { support: VoteSupport; key: 'for' | 'against' | 'abstain'; label: StringKey; votes: 'votes_for' | 'votes_against' | 'votes_abstain' }[] = [
  { support: 1, key: 'for', label: 'dao.for', votes: 'votes_for' },
  { support: 0, key: 'against', label: 'dao.against', votes: 'votes_against' },
  { support: 2, key: 'abstain', label: 'dao.abstain', votes: 'votes_abstain' },
];

export interface ProposalCardProps {
  proposal: Proposal;
  /** Voting needs a linked wallet and no other action under way. */
  canAct: boolean;
  onVote: (support: VoteSupport) => void;
}

/** A proposal: its words, state, proposer and voting window, the tally, and the three votes while it is active. */
export function ProposalCard({ proposal, canAct, onVote }: ProposalCardProps) {
  const t = useT();
  const tally = tallyShares(proposal);
  const open = isOpenForVotes(proposal);
  const [title, ...rest] = proposal.description.trim().split('\n');
  return (
    <View style={styles.card} testID={`dao-proposal-${proposal.proposal_id}`}>
      <View style={styles.heading}>
        <Text style={styles.title} numberOfLines={2}>
          {title || t('dao.proposal', { id: shortHex(proposal.proposal_id) })}
        </Text>
        <View style={[styles.state, { borderColor: STATE_COLORS[proposal.state] }]}>
          <Text style={[styles.stateText, { color: STATE_COLORS[proposal.state] }]}>{t(`proposal.${proposal.state}`)}</Text>
        </View>
      </View>
      {rest.length > 0 && (
        <Text style={styles.body} numberOfLines={3}>
          {rest.join('\n').trim()}
        </Text>
      )}
      <Text style={styles.meta}>
        {t('dao.proposer', { address: shortHex(proposal.proposer) })} · {t('dao.blocks', { start: proposal.vote_start, end: proposal.vote_end })}
      </Text>
      <TallyBar tally={tally} />
      <View style={styles.sides}>
        {SIDES.map((side) => (
          <View key={side.key} style={styles.side}>
            <View style={[styles.swatch, { backgroundColor: TALLY_COLORS[side.key] }]} />
            <Text style={styles.sideLabel}>{t(side.label)}</Text>
            <Text style={styles.sideVotes} testID={`dao-votes-${side.key}`}>
              {displayAmount(proposal[side.votes], 2)}
            </Text>
            <Text style={styles.share}>{Math.round(tally[side.key] * 100)}%</Text>
          </View>
        ))}
      </View>
      {open && (
        <View style={styles.actions}>
          {SIDES.map((side) => (
            <Button
              key={side.key}
              label={t(side.label)}
              kind={side.support === 1 ? 'primary' : 'secondary'}
              compact
              disabled={!canAct}
              onPress={() => onVote(side.support)}
              testID={`dao-vote-${side.key}`}
            />
          ))}
        </View>
      )}
      <Text style={styles.id} selectable numberOfLines={1}>
        #{proposal.proposal_id}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  card: {
    gap: space(2),
    padding: space(4),
    borderRadius: 14,
    borderWidth: 1,
    borderColor: 'rgba(232, 195, 90, 0.25)',
    backgroundColor: 'rgba(0,0,0,0.2)',
  },
  heading: { flexDirection: 'row', alignItems: 'flex-start', gap: space(3) },
  title: { flex: 1, color: colors.text, fontFamily: fonts.family, fontSize: 17, fontWeight: '700' },
  state: { borderWidth: 1, borderRadius: 10, paddingVertical: 2, paddingHorizontal: space(2.5) },
  stateText: { fontFamily: fonts.family, fontSize: 12, fontWeight: '700' },
  body: { color: colors.textDim, fontFamily: fonts.family, fontSize: 14 },
  meta: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  sides: { flexDirection: 'row', gap: space(4), flexWrap: 'wrap' },
  side: { flexDirection: 'row', alignItems: 'center', gap: space(1.5) },
  swatch: { width: 10, height: 10, borderRadius: 2 },
  sideLabel: { color: colors.textDim, fontFamily: fonts.family, fontSize: 13 },
  sideVotes: { color: colors.text, fontFamily: fonts.family, fontSize: 14, fontWeight: '700' },
  share: { color: colors.textDim, fontFamily: fonts.family, fontSize: 12 },
  actions: { flexDirection: 'row', gap: space(2), marginTop: space(1) },
  id: { color: 'rgba(168, 196, 182, 0.5)', fontFamily: monoFamily, fontSize: 11 },
});
