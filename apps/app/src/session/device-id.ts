import { DEVICE_ID_PATTERN } from '@guandan/protocol';
import { storage } from '../platform/storage';
import { newDeviceId } from './new-device-id';
import { STORAGE_KEYS } from './storage-keys';

/** The install's id, made and kept the first time. It only tells operators that accounts share a device. */
export async function loadDeviceId(): Promise<string> {
  const kept = await storage.get(STORAGE_KEYS.deviceId);
  if (kept !== null && DEVICE_ID_PATTERN.test(kept)) return kept;
  const made = newDeviceId();
  await storage.set(STORAGE_KEYS.deviceId, made);
  return made;
}
