export { ApiError } from './api-error.js';
export { RestClient, type RestClientOptions, type Board } from './rest-client.js';
export {
  EconomyApi,
  type RpcAnswer,
  type RpcRequest,
  type StakingInfo,
  type SwapPrepared,
  type SwapRequest,
  type SwapToken,
  type VoteSupport,
  type WalletLink,
} from './economy-api.js';
export { RealtimeClient, type RealtimeClientOptions, type SocketFactory, type SocketLike } from './realtime-client.js';
