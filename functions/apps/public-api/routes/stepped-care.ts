// The topic catalogue and a triage preview: what a resident may read before asking, and "why this route".
import { topicDescription, topicLabel, topicTips } from '../../../platform/i18n/topics';
import * as z from 'zod/mini';
import { LEVELS, TOPICS } from '../../../kernel/topics';
import { parseTriageInput, PRIORITIES, triage, triageInputSchema } from '../../../stepped-care/domain/triage';
import { langQuery, type ContractRouter } from '../../../platform/http/contract';
import { reasonText } from '../../../stepped-care/app/wording';

const topicSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  defaultLevel: z.enum(LEVELS),
  selfHelp: z.array(z.string()),
  responseHours: z.object({ today: z.number(), 'this-week': z.number(), 'no-rush': z.number() }),
});

const triageResult = z.object({
  level: z.enum(LEVELS),
  priority: z.enum(PRIORITIES),
  rule: z.string(),
  showEmergencyNumbers: z.boolean(),
  startsWmoClock: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});

export function registerSteppedCare(router: ContractRouter): void {
  router.add(
    {
      method: 'get',
      path: '/topics',
      operationId: 'listTopics',
      access: 'public',
      tags: ['stepped-care'],
      summary: 'The topics a resident can ask about, with self-help tips and response times',
      query: langQuery,
      responses: { 200: { description: 'The topic catalogue', schema: z.array(topicSchema) }, 400: { description: 'Invalid query', problem: true } },
    },
    (c) => {
      const locale = c.get('locale');
      const body: z.infer<typeof topicSchema>[] = TOPICS.map((t) => ({
        id: t.id,
        label: topicLabel(t.id, locale),
        description: topicDescription(t.id, locale),
        defaultLevel: t.defaultLevel,
        selfHelp: topicTips(t.id, locale),
        responseHours: t.responseHours,
      }));
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(body);
    },
  );

  // Nothing is stored: the resident sees where a request would go, and why, before sending it.
  router.add(
    {
      method: 'post',
      path: '/triage-previews',
      operationId: 'previewTriage',
      access: 'public',
      tags: ['stepped-care'],
      summary: 'Where would this request start on the stepped-care ladder, and why?',
      query: langQuery,
      body: triageInputSchema,
      responses: {
        200: { description: 'The first level, the priority and the reasons', schema: triageResult },
        400: { description: 'Invalid input or an unknown topic', problem: true },
        413: { description: 'The body is too large', problem: true },
        415: { description: 'The body is not JSON', problem: true },
      },
    },
    (c, { body }) => {
      const locale = c.get('locale');
      const decision = triage(parseTriageInput(body));
      const result: z.infer<typeof triageResult> = {
        level: decision.level,
        priority: decision.priority,
        rule: decision.rule,
        showEmergencyNumbers: decision.showEmergencyNumbers,
        startsWmoClock: decision.startsWmoClock,
        reasons: decision.reasons.map((r) => ({ code: r.code, text: reasonText(r, locale) })),
      };
      return c.json(result);
    },
  );
}
