import type { AnyServerMessage } from '@guandan/protocol';

/**
 * How a domain reaches people: their open connections on this node, or through the cluster's channels when the
 * platform is scaled out. The realtime layer implements it; domains only send.
 */
export interface UserOutbound {
  sendToUser(userId: string, message: AnyServerMessage): void;
  /** One message to several people: serialised once. */
  sendToUsers(userIds: readonly string[], message: AnyServerMessage): void;
  isOnline(userId: string): boolean;
}
