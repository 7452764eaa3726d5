import { AnticheatRunSchema } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import type { AnticheatService } from './anticheat-service.js';

/** The detectors' runs: the latest, and one now (operators); what they find is in the moderation queue. */
export function anticheatRoutes(anticheat: AnticheatService) {
  const common = { tag: 'admin', auth: true, role: 'operator' } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/admin/anticheat/runs',
      summary: "The anti-cheat's latest runs: games read, signals, cases opened",
      response: z.array(AnticheatRunSchema),
      handler: async () => anticheat.runs(),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/admin/anticheat/runs',
      summary: 'Run the detectors over the recent games now (a run already going is waited for); signals open cases',
      status: 201,
      response: AnticheatRunSchema,
      handler: async () => anticheat.run(),
    }),
  ];
}
