import { ReasonSchema } from '@guandan/protocol';

/** The translation key of what is wrong with a reason, or null when the server will take it. */
export function reasonProblem(text: string): string | null {
  if (text.trim() === '') return 'gg.validation.reason_required';
  const checked = ReasonSchema.safeParse(text);
  if (checked.success) return null;
  return checked.error.issues.some((issue) => issue.code === 'too_big') ? 'gg.validation.reason_too_long' : 'gg.validation.reason_too_short';
}
