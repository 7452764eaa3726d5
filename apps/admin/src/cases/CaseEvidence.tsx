import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { JsonBlock } from '../common/JsonBlock';
import { readEvidence } from '../lib/case-evidence';
import type { CaseRecord } from '../records';
import { ChatTranscript } from './ChatTranscript';
import { ScreeningEvidence } from './ScreeningEvidence';

/**
 * What the case rests on: the game's chat for a report, the detector's figures for an anti-cheat signal, the address
 * and the lists naming it for sanctions screening.
 */
export function CaseEvidence({ item }: { item: CaseRecord }) {
  const translate = useTranslate();
  const evidence = readEvidence(item.source, item.evidence, item.subject_ids);
  if (evidence.kind === 'chat') {
    if (evidence.lines.length === 0 && item.game_id === null) {
      return (
        <Typography variant="body2" color="text.secondary">
          {translate('gg.cases.no_game')}
        </Typography>
      );
    }
    return <ChatTranscript lines={evidence.lines} />;
  }
  if (evidence.kind === 'screening') return <ScreeningEvidence screening={evidence.screening} />;
  if (evidence.kind === 'figures') return <JsonBlock testId="case-figures" title={translate('gg.cases.figures')} value={evidence.value} empty={translate('gg.audit.nothing')} />;
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('gg.cases.no_evidence')}
    </Typography>
  );
}
