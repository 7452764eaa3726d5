import { Box, Chip, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useTranslate } from 'react-admin';
import type { TranscriptLine } from '../lib/case-evidence';
import { formatTime } from '../lib/format';

/**
 * The game's chat as it was read at the table, oldest first. Lines written by an account the case is about are
 * marked (a bar, a tint and a label), so the moderator sees at once what the report is about and what led to it.
 */
export function ChatTranscript({ lines }: { lines: readonly TranscriptLine[] }) {
  const translate = useTranslate();
  if (lines.length === 0) {
    return (
      <Typography data-testid="chat-empty" variant="body2" color="text.secondary">
        {translate('gg.cases.no_chat')}
      </Typography>
    );
  }
  return (
    <Box component="ol" data-testid="chat-transcript" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
      {lines.map((line) => (
        <Box
          component="li"
          key={line.seq}
          data-testid="chat-line"
          data-by-subject={line.bySubject}
          sx={{
            px: 1,
            py: 0.5,
            borderLeft: 3,
            borderColor: line.bySubject ? 'error.main' : 'transparent',
            bgcolor: (theme) => (line.bySubject ? alpha(theme.palette.error.main, 0.08) : 'transparent'),
            borderRadius: 0.5,
            overflowWrap: 'anywhere',
          }}
        >
          <Typography component="span" variant="caption" color="text.secondary" sx={{ mr: 1, fontVariantNumeric: 'tabular-nums' }}>
            {formatTime(line.at)}
          </Typography>
          <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
            {line.username}
          </Typography>
          <Typography component="span" variant="body2">
            {': '}
            {line.text ?? ''}
            {line.emoji === null ? '' : ` ${line.emoji}`}
          </Typography>
          {line.bySubject && <Chip size="small" color="error" variant="outlined" label={translate('gg.cases.subject_line')} sx={{ ml: 1, height: 20 }} />}
        </Box>
      ))}
    </Box>
  );
}
