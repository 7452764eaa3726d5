import type { ModerationCase } from '@guandan/protocol';
import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';

const STATUS_COLOR: Record<ModerationCase['status'], ChipProps['color']> = { open: 'warning', actioned: 'success', dismissed: 'default' };

/** Where a case stands: open, or closed as actioned or dismissed. */
export function CaseStatusChip({ status }: { status: ModerationCase['status'] }) {
  const translate = useTranslate();
  return <Chip data-testid="case-status" data-status={status} size="small" color={STATUS_COLOR[status]} label={translate(`gg.cases.status.${status}`)} />;
}

const SOURCE_COLOR: Record<ModerationCase['source'], ChipProps['color']> = { report: 'default', anticheat: 'secondary', aml: 'error' };

/** Where a case came from: a player's report, the anti-cheat, or sanctions screening. */
export function CaseSourceChip({ source }: { source: ModerationCase['source'] }) {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" color={SOURCE_COLOR[source]} label={translate(`gg.cases.source.${source}`)} />;
}

/** A report's category in words; a detector's name (the category of an anti-cheat case) as it is. */
export function useCategoryText(): (category: string) => string {
  const translate = useTranslate();
  return (category) => translate(`gg.cases.category.${category}`, { _: category });
}
