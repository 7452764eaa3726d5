import { CaseParamsSchema, CasesQuerySchema, ModerationCaseSchema, pageOf, ResolveCaseBodySchema } from '@guandan/protocol';
import { route } from '../http/api.js';
import type { AdminService } from './admin-service.js';

/** The moderation queue: players' reports and anti-cheat signals, each worked to an outcome. */
export function caseRoutes(admin: AdminService) {
  const common = { tag: 'admin', auth: true, role: 'moderator' } as const;
  return [
    route({
      ...common,
      method: 'GET',
      path: '/admin/cases',
      summary: 'The moderation queue (open cases oldest first), or the cases about one account',
      query: CasesQuerySchema,
      response: pageOf(ModerationCaseSchema),
      handler: async ({ query }) => admin.cases({ status: query.status, source: query.source, subjectId: query.subject_id }, query.page, query.per_page),
    }),
    route({
      ...common,
      method: 'GET',
      path: '/admin/cases/:caseId',
      summary: 'A case with its evidence: the game, the replay position, the chat, or the detector\'s figures',
      params: CaseParamsSchema,
      response: ModerationCaseSchema,
      handler: async ({ params }) => admin.case(params.caseId),
    }),
    route({
      ...common,
      method: 'POST',
      path: '/admin/cases/:caseId/resolve',
      summary: 'Close a case as actioned or dismissed, with the outcome',
      params: CaseParamsSchema,
      body: ResolveCaseBodySchema,
      response: ModerationCaseSchema,
      handler: async ({ user, params, body }) => admin.resolveCase(user.userId, params.caseId, body),
    }),
  ];
}
