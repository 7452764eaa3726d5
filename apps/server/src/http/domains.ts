import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/context.js';
import type { Api } from './api.js';

/** The domains, wired to each other through their service interfaces and the bus. */
export interface Domains {
  /** Adds what is not a REST route (the realtime endpoint). */
  attach(app: FastifyInstance): void;
  /** After listening: resumes unfinished tables from the store and starts background work. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export function buildDomains(platform: Platform, api: Api): Domains {
  void platform;
  void api;
  return {
    attach() {},
    async resume() {},
    async stop() {},
  };
}
