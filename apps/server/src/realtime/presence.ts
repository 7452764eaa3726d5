/** Who is online: a user with at least one open realtime connection (on this node; Redis when scaled out). */
export interface Presence {
  isOnline(userId: string): boolean;
}
