import type { Signal } from '../signal.js';
import { ramp, rounded } from '../scoring.js';
import { wilsonInterval } from '../statistics.js';
import { botAgreement } from './bot-agreement.js';
import { decisionTimesByAccount, timingShape } from './decision-timing.js';
import type { Detector } from './detector.js';
import { REPORT_FLOOR } from './detector.js';

export const AUTOMATED_PLAY = 'automated-play';

/** Fewer timed decisions (two or three games) do not show a habit. */
const MIN_TIMED_DECISIONS = 100;
/**
 * ln(p90 / p10) of decision times. People answer a forced pass in a second and think over a lead for ten: their
 * p90 is several times their p10 (a log-normal spread of σ = 0.5 alone gives ln ratio 1.3). Below 0.6 (p90 under
 * 1.8 × p10) the times are a timer's, not a person's.
 */
const SPREAD_THRESHOLD = 0.6;
/**
 * ln(p95 / p50). Human times have a long right tail (the hard decisions); a script's delay drawn from a narrow or
 * uniform range has none. Below 0.4 the slowest twentieth is within 1.5 × the median.
 */
const TAIL_THRESHOLD = 0.4;
/** Fewer compared decisions leave the agreement too uncertain. */
const MIN_SAMPLED = 40;
/**
 * The upper bound (3 standard errors, Wilson) of how often the account chose differently from the reference bot.
 * People deviate from a rule-based bot on a fair share of real choices (their own plans, misreads, style); an
 * account that provably deviates on fewer than one choice in ten plays like the bot. This must be checked against
 * real players' agreement before it is trusted: the simulation cannot show what people do.
 */
const DISAGREEMENT_CEILING = 0.1;
const AGREEMENT_Z = 3;
const DEFAULT_SAMPLE = 120;

/**
 * Automated play: decision times too regular to be a person's, or choices that match a strong bot's far more often
 * than people's do. Either is enough; the evidence shows both. Only a sample of decisions is compared with the bot.
 */
export const detectAutomatedPlay: Detector = ({ games, options }) => {
  const level = options.referenceBot ?? 'normal';
  const agreement = botAgreement(games, level, options.agreementSample ?? DEFAULT_SAMPLE);
  const times = decisionTimesByAccount(games);
  const accounts = new Set([...times.keys(), ...agreement.keys()]);

  const signals: Signal[] = [];
  for (const account of [...accounts].sort()) {
    const own = times.get(account) ?? [];
    const shape = own.length >= MIN_TIMED_DECISIONS ? timingShape(own) : null;
    const timingScore =
      shape === null ? 0 : Math.max(ramp(shape.spread, 2 * SPREAD_THRESHOLD, SPREAD_THRESHOLD), ramp(shape.tail, 2 * TAIL_THRESHOLD, TAIL_THRESHOLD));
    const sample = agreement.get(account);
    const disagreementBound =
      sample === undefined || sample.sampled < MIN_SAMPLED ? null : 1 - wilsonInterval(sample.agreed, sample.sampled, AGREEMENT_Z).low;
    const agreementScore = disagreementBound === null ? 0 : ramp(disagreementBound, 2 * DISAGREEMENT_CEILING, DISAGREEMENT_CEILING);
    const score = Math.max(timingScore, agreementScore);
    if (score < REPORT_FLOOR) continue;
    const reasons = [
      ...(shape === null ? [] : [`decision times p90/p10 ${Math.exp(shape.spread).toFixed(2)}, p95/p50 ${Math.exp(shape.tail).toFixed(2)}`]),
      ...(sample === undefined ? [] : [`chose as the ${level} bot in ${sample.agreed} of ${sample.sampled} sampled decisions`]),
    ];
    signals.push({
      detector: AUTOMATED_PLAY,
      accounts: [account],
      score,
      summary: `${account} may be automated: ${reasons.join('; ')}`,
      evidence: {
        timedDecisions: own.length,
        timing:
          shape === null
            ? null
            : { medianMs: rounded(shape.medianMs, 0), p90OverP10: rounded(Math.exp(shape.spread)), p95OverP50: rounded(Math.exp(shape.tail)), score: rounded(timingScore) },
        agreement:
          sample === undefined
            ? null
            : {
                referenceBot: level,
                sampled: sample.sampled,
                agreed: sample.agreed,
                disagreementUpperBound: disagreementBound === null ? null : rounded(disagreementBound),
                differences: sample.differences,
                score: rounded(agreementScore),
              },
        thresholds: { spread: SPREAD_THRESHOLD, tail: TAIL_THRESHOLD, disagreementCeiling: DISAGREEMENT_CEILING, minTimedDecisions: MIN_TIMED_DECISIONS, minSampled: MIN_SAMPLED },
      },
    });
  }
  return signals;
};
