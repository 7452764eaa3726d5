import type { PressableStateCallbackType } from 'react-native';

/** Pressable's style state; react-native-web adds `hovered` for the mouse. */
export type PressState = PressableStateCallbackType & { hovered?: boolean };
