import { Readable } from 'node:stream';
import { AuditEntrySchema, AuditExportQuerySchema, AuditQuerySchema, pageOf } from '@guandan/protocol';
import { z } from 'zod';
import { route } from '../http/api.js';
import { AUDIT_EXPORT_TYPES } from './audit-export.js';
import type { AuditLog } from './audit-log.js';

/** The audit log: read by operators, exported by admins. */
export function auditRoutes(audit: AuditLog) {
  return [
    route({
      method: 'GET',
      path: '/admin/audit',
      summary: 'The audit log of operator actions, newest first',
      tag: 'admin',
      auth: true,
      role: 'operator',
      query: AuditQuerySchema,
      response: pageOf(AuditEntrySchema),
      handler: async ({ query }) => audit.page({ actorId: query.actor_id, targetId: query.target_id, action: query.action }, query.page, query.per_page),
    }),
    route({
      method: 'GET',
      path: '/admin/audit/export',
      summary: 'The audit log (or what matches) as a CSV or JSON-lines file, oldest first',
      tag: 'admin',
      auth: true,
      role: 'admin',
      query: AuditExportQuerySchema,
      response: z.custom<Readable>(),
      produces: Object.values(AUDIT_EXPORT_TYPES),
      handler: async ({ query, reply }) => {
        const lines = audit.export({ actorId: query.actor_id, targetId: query.target_id, action: query.action }, query.format);
        void reply.header('content-type', AUDIT_EXPORT_TYPES[query.format]);
        void reply.header('content-disposition', `attachment; filename="audit-log.${query.format}"`);
        return Readable.from(lines);
      },
    }),
  ];
}
