// The resident's "ask for help" as a short sequence of pages, without JavaScript: each page asks a few
// questions, only those that apply (ask-questions.ts), keeps the answers server-side (a draft under a
// cookie), and ends with "check your answers" before anything is sent. Every page answers a GET with its
// questions and a POST with either all its errors at once or a 303 to the next page.
import type { AstroCookies } from 'astro';
import { isDomainError } from '../../../functions/kernel/errors';
import { ASK_DRAFT_HOURS } from '../../../functions/kernel/durations';
import { districtForPostcode, type Locale } from '../../../functions/kernel/municipality';
import { findTopic } from '../../../functions/kernel/topics';
import { topicLabel } from '../../../functions/platform/i18n/topics';
import { pathOf } from '../../../functions/platform/routes/pages';
import { redactIn, reasonText } from '../../../functions/stepped-care/app/wording';
import { firstCrisisLine } from '../../../functions/stepped-care/domain/crisis';
import { HELPER_SUMMARY_MAX, intakeAnswer, triageInputOf, type ResidentIntake } from '../../../functions/stepped-care/domain/intake';
import { safetyReasons, triage } from '../../../functions/stepped-care/domain/triage';
import type { IntakeDraft } from '../../../functions/stepped-care/app/intake-drafts';
import type { SiteServices } from '../../../functions/apps/site/services';
import { useTranslations } from '../i18n';
import {
  ASK_STEPS,
  applicableSteps,
  checkStep,
  firstIncomplete,
  fits,
  pruned,
  questionsOf,
  stepPath,
  type Question,
  type Step,
} from './ask-questions';
import { HONEYPOT, ticked, validate, yesNo, type AskField, type AskValues, type FieldError } from './intake-form';

/** The browser's handle on its draft: only over HTTPS (localhost counts), for this site, gone with the draft. */
const DRAFT_COOKIE = '__Host-wk-ask';

export interface CrisisNotice {
  show: boolean;
  first: string | undefined;
}

export type AskStepState =
  | { view: 'redirect'; location: string }
  | {
      view: 'step';
      status: 200 | 400 | 422;
      step: Step;
      number: number;
      total: number;
      questions: Question[];
      values: AskValues;
      errors: FieldError[];
      back: string;
      fromCheck: boolean;
      crisis: CrisisNotice;
      notice: 'kept' | 'expired' | 'not-kept' | null;
    }
  | { view: 'check'; status: 200 | 422; rows: CheckRow[]; preview: CheckPreview; back: string; problem: string | null; crisis: CrisisNotice };

export interface CheckRow {
  name: AskField;
  label: string;
  value: string;
  lang?: Locale;
  multiline: boolean;
  change: string;
}

export interface CheckPreview {
  /** Helpers could not reach the resident as answered (no contact, no visit): say so, and how to change it. */
  unreachable: { change: string } | null;
  zerothLineMaySee: boolean;
  toTeam: boolean;
  helperSees: { topic: string; district: string; urgency: string; name: string | null; summary: string } | null;
  reasons: string[];
}

/** Which step a path is, or undefined. */
function stepAt(path: string, locale: Locale): Step | undefined {
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return ASK_STEPS.find((step) => pathOf(step.page, locale) === withSlash);
}

const checkPath = (locale: Locale) => pathOf('askCheck', locale);

function setDraftCookie(cookies: AstroCookies, id: string): void {
  cookies.set(DRAFT_COOKIE, id, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: ASK_DRAFT_HOURS * 3600 });
}

/** Crisis lines from the moment the answers show a crisis: danger now, or words about it in the question. */
function crisisNotice(answers: AskValues): CrisisNotice {
  const codes = safetyReasons({ description: answers.description ?? '', dangerNow: yesNo(answers.dangerNow) }).map((r) => r.code);
  return { show: codes.length > 0, first: firstCrisisLine(codes) };
}

function readForm(form: FormData, questions: readonly Question[]): AskValues {
  const values: AskValues = {};
  for (const question of questions) {
    const raw = form.get(question.name);
    if (typeof raw === 'string') values[question.name] = raw.slice(0, 4000);
    // An unticked box posts nothing: that is its answer too.
    else if (question.kind === 'checkbox') values[question.name] = '';
  }
  return values;
}

/**
 * Back to the first step when a later one has no answers to build on. Without any draft cookie the first
 * step says why that can happen (a browser that refuses cookies); with an expired one it says that instead.
 */
function startAgain(cookies: AstroCookies, locale: Locale): string {
  return pathOf('ask', locale) + (cookies.get(DRAFT_COOKIE) ? '' : '?draft=none');
}

async function openDraft(
  cookies: AstroCookies,
  services: SiteServices,
): Promise<{ started: { id: string; draft: IntakeDraft } | undefined; expired: boolean }> {
  const draftId = cookies.get(DRAFT_COOKIE)?.value;
  const opened = await services.drafts.open(draftId);
  return { started: opened && draftId ? { id: draftId, draft: opened } : undefined, expired: draftId !== undefined && opened === undefined };
}

/** A step of the form, by its page's path. */
export async function handleAskStep(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<AskStepState> {
  const url = new URL(request.url);
  const step = stepAt(url.pathname, locale);
  if (!step) return { view: 'redirect', location: pathOf('ask', locale) };
  const opened = await openDraft(cookies, services);
  // A draft that was sent is done with: asking again starts afresh.
  const started = opened.started?.draft.sent ? undefined : opened.started;
  const expired = opened.expired;
  const answers: AskValues = started?.draft.answers ?? {};
  const steps = applicableSteps(answers);
  // A later step without the answers before it (an old bookmark, an expired draft): back to the start.
  if (step.id !== 'question' && !started) return { view: 'redirect', location: startAgain(cookies, locale) };
  const fromCheck = url.searchParams.get('from') === 'check';

  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData());
    const posted = readForm(form, step.questions);
    const merged = { ...answers, ...posted };
    // A postcode carried from "find help first" waits for its own step, where it shows filled in.
    const carried = form.get('carriedPostcode');
    if (step.id === 'question' && merged.postcode === undefined && typeof carried === 'string' && fits(intakeAnswer.postcode, carried))
      merged.postcode = carried;
    const honeypot = form.get(HONEYPOT);
    const { t } = useTranslations(locale);
    if (typeof honeypot === 'string' && honeypot !== '')
      return stepView(step, merged, locale, 400, [{ field: 'description', message: t('problem.honeypot.detail') }], fromCheck, null);
    const errors = checkStep(step, merged, locale);
    if (errors.length > 0) {
      const outside = errors.some((e) => e.field === 'postcode' && e.message === t('problem.postcode-outside.detail'));
      return stepView(step, merged, locale, outside && errors.length === 1 ? 422 : 400, errors, fromCheck, null);
    }
    const { id, draft } = started ?? services.drafts.start();
    const kept = pruned(merged);
    await services.drafts.keep(id, { ...draft, answers: kept });
    if (!started) setDraftCookie(cookies, id);
    return { view: 'redirect', location: nextLocation(step, kept, locale, fromCheck) };
  }

  // The helpers' summary starts as the question with numbers and addresses taken out; a topic and postcode
  // chosen on "find help first" (?topicId=&postcode=) carry into the first step.
  const values: AskValues =
    step.id === 'summary' && answers.helperSummary === undefined
      ? { ...answers, helperSummary: redactIn(answers.description ?? '', locale).text.slice(0, HELPER_SUMMARY_MAX) }
      : step.id === 'question' && !started
        ? carriedFrom(url)
        : answers;
  const notice =
    step.id !== 'question'
      ? null
      : expired
        ? 'expired'
        : url.searchParams.get('draft') === 'none' && !cookies.get(DRAFT_COOKIE)
          ? 'not-kept'
          : 'kept';
  if (!steps.includes(step)) return { view: 'redirect', location: nextLocation(step, answers, locale, fromCheck) };
  return stepView(step, values, locale, 200, [], fromCheck, notice);
}

function carriedFrom(url: URL): AskValues {
  const topicId = url.searchParams.get('topicId') ?? '';
  const postcode = url.searchParams.get('postcode') ?? '';
  return {
    ...(findTopic(topicId) ? { topicId } : {}),
    ...(fits(intakeAnswer.postcode, postcode) ? { postcode } : {}),
  };
}

function stepView(
  step: Step,
  values: AskValues,
  locale: Locale,
  status: 200 | 400 | 422,
  errors: FieldError[],
  fromCheck: boolean,
  notice: 'kept' | 'expired' | 'not-kept' | null,
): AskStepState {
  const steps = applicableSteps(values);
  const counted = applicableSteps(values, 'may-apply');
  const previous = steps[steps.indexOf(step) - 1];
  return {
    view: 'step',
    status,
    step,
    number: Math.max(0, counted.indexOf(step)) + 1,
    total: counted.length,
    questions: questionsOf(step, values),
    values,
    errors,
    back: fromCheck ? checkPath(locale) : previous ? stepPath(previous, locale) : pathOf('nearby', locale),
    fromCheck,
    crisis: step.id === 'question' ? { show: false, first: undefined } : crisisNotice(values),
    notice,
  };
}

/** After a step: the next step that applies, or, coming from the check page, back there once nothing is missing. */
function nextLocation(step: Step, answers: AskValues, locale: Locale, fromCheck: boolean): string {
  const missing = firstIncomplete(answers, locale);
  if (fromCheck) return missing ? `${stepPath(missing, locale)}?from=check` : checkPath(locale);
  const steps = applicableSteps(answers);
  const after = ASK_STEPS.slice(ASK_STEPS.indexOf(step) + 1).find((s) => steps.includes(s));
  return after ? stepPath(after, locale) : checkPath(locale);
}

/** "Check your answers": every answer with its own change link, what helpers will see, and the send button. */
export async function handleAskCheck(request: Request, cookies: AstroCookies, locale: Locale, services: SiteServices): Promise<AskStepState> {
  const { t } = useTranslations(locale);
  const { started } = await openDraft(cookies, services);
  if (!started) return { view: 'redirect', location: startAgain(cookies, locale) };
  // Sent already (a double click, a refresh, the back button): the same confirmation, nothing sent again.
  if (started.draft.sent) {
    const token = await services.desk.statusTokenForSent(started.draft.formKey);
    return { view: 'redirect', location: token ? `${pathOf('askSent', locale)}?t=${token}` : pathOf('ask', locale) };
  }
  const answers = started.draft.answers;
  const missing = firstIncomplete(answers, locale);
  if (missing) return { view: 'redirect', location: stepPath(missing, locale) };
  const checked = validate(answers, locale);
  if ('errors' in checked) return { view: 'redirect', location: stepPath(ASK_STEPS[0]!, locale) };
  const { intake } = checked;

  if (request.method === 'POST') {
    try {
      const receipt = await services.desk.submit(intake, { idempotencyKey: started.draft.formKey });
      await services.drafts.markSent(started.id, started.draft);
      return { view: 'redirect', location: `${pathOf('askSent', locale)}?t=${receipt.statusToken}` };
    } catch (error) {
      // The municipality's data changed under a draft (a topic or postcode area no longer ours): back to that answer.
      if (isDomainError(error, 'unknown-topic')) return { view: 'redirect', location: `${stepPath(ASK_STEPS[0]!, locale)}?from=check` };
      if (isDomainError(error, 'postcode-outside')) return { view: 'redirect', location: `${pathOf('askWhere', locale)}?from=check` };
      // The answers were sent before with other answers under the same key: a new key, and the resident sends again.
      if (!isDomainError(error, 'idempotency-key-reused')) throw error;
      await services.drafts.renewFormKey(started.id, started.draft);
      return { ...checkView(intake, answers, locale), status: 422, problem: t('ask.error.form-reused') };
    }
  }
  return checkView(intake, answers, locale);
}

function checkView(intake: ResidentIntake, answers: AskValues, locale: Locale): AskStepState & { view: 'check' } {
  const { t, municipality } = useTranslations(locale);
  const decision = triage(triageInputOf(intake));
  const zerothLineMaySee = decision.level === 'zeroth-line' && (intake.consent.volunteers || intake.consent.initiatives);
  const rows: CheckRow[] = [];
  for (const step of applicableSteps(answers)) {
    for (const question of questionsOf(step, answers)) {
      const raw = answers[question.name] ?? '';
      rows.push({
        name: question.name,
        label: t(question.label),
        ...displayOf(question, raw, locale),
        multiline: question.kind === 'textarea',
        change: `${stepPath(step, locale)}?from=check#${question.name}`,
      });
    }
  }
  const district = districtForPostcode(municipality, intake.postcode);
  return {
    view: 'check',
    status: 200,
    rows,
    problem: null,
    back: stepPath(applicableSteps(answers).at(-1)!, locale),
    crisis: decision.showEmergencyNumbers
      ? { show: true, first: firstCrisisLine(decision.reasons.map((r) => r.code)) }
      : { show: false, first: undefined },
    preview: {
      unreachable: decision.rule === 'unreachable-for-helpers' ? { change: `${pathOf('askContact', locale)}?from=check#contactMethod` } : null,
      zerothLineMaySee,
      toTeam: decision.level === 'district-team' || decision.level === 'collective',
      helperSees: zerothLineMaySee
        ? {
            topic: topicLabel(intake.topicId, locale),
            district: district?.name ?? '',
            urgency: t(`ask.urgency.${intake.urgency}`),
            name: intake.firstName ?? null,
            summary: redactIn(intake.helperSummary ?? intake.description, locale).text,
          }
        : null,
      reasons: decision.reasons.map((reason) => reasonText(reason, locale)),
    },
  };
}

function displayOf(question: Question, raw: string, locale: Locale): { value: string; lang?: Locale } {
  const { t } = useTranslations(locale);
  if (question.kind === 'checkbox') return { value: t(ticked(raw) ? 'check.yes' : 'check.no') };
  if (question.kind === 'radios') {
    const option = question.options?.(locale).find((o) => o.value === raw);
    if (!option) return { value: raw };
    return 'label' in option ? { value: t(option.label) } : { value: option.text, lang: option.lang };
  }
  if (raw.trim() === '') return { value: t('check.not-given') };
  return { value: question.name === 'postcode' ? displayPostcode(raw) : raw.trim() };
}

/** "1502ab" as people write it on an envelope: "1502 AB". */
function displayPostcode(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
}
