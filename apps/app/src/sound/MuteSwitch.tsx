import type { JSX } from 'react';
import { useT } from '../i18n';
import { Button } from '../ui/Button';
import { setMuted, useMuted } from './mute';

/** Sound on or off for this device; the label shows the current state, the screen-reader label what a press does. */
export function MuteSwitch({ compact = true }: { compact?: boolean }): JSX.Element {
  const t = useT();
  const muted = useMuted();
  return (
    <Button
      compact={compact}
      kind="secondary"
      label={muted ? t('sound.off') : t('sound.on')}
      accessibilityLabel={muted ? t('sound.unmute') : t('sound.mute')}
      testID="sound-toggle"
      onPress={() => setMuted(!muted)}
    />
  );
}
