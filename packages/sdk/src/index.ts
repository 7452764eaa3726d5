export { ApiError } from './api-error.js';
export { RestClient, type RestClientOptions, type Board } from './rest-client.js';
export { RealtimeClient, type RealtimeClientOptions, type SocketFactory, type SocketLike } from './realtime-client.js';
