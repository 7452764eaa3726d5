import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AdminTableSummarySchema, CASE_SOURCES, CASE_STATUSES, GAME_MODES, HoldsQuerySchema, KYC_TIERS, KycStatusSchema, PURCHASE_STATUSES, REPORT_CATEGORIES, SANCTION_KINDS, STAFF_ROLES, TreasurySchema } from '@guandan/protocol';
import { consoleMessagesEn } from '../src/i18n/en';
import { COIN_SERIES, LENGTH_FIELDS, RATE_FIELDS } from '../src/lib/analytics-series';
import { FLOW_SERIES, REWARD_SERIES } from '../src/lib/economy-charts';
import { FUNNEL_STEPS } from '../src/lib/funnel';
import { MINIMUM_ROLE } from '../src/lib/permissions';

const SOURCES = join(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function has(key: string): boolean {
  let node: unknown = consoleMessagesEn;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

test('every message key written in the sources has an English text', () => {
  const missing: string[] = [];
  for (const file of sourceFiles(SOURCES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/['"`]((?:gg|resources)\.[A-Za-z0-9_.-]+)['"`]/g)) {
      if (!has(match[1])) missing.push(`${file.slice(SOURCES.length + 1)}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('keys made from values have a text for every value', () => {
  const keys = [
    ...STAFF_ROLES.map((role) => `gg.roles.${role}`),
    ...SANCTION_KINDS.flatMap((kind) => [`gg.actions.${kind}`, `gg.actions.${kind}_title`, `gg.actions.${kind}_help`, `gg.actions.done.${kind}`, `gg.sanction_kind.${kind}`]),
    ...['active', 'lifted', 'ended'].map((status) => `gg.users.sanction_${status}`),
    ...['profile', 'sessions', 'sanctions', 'cases', 'ledger', 'purchases', 'games'].map((tab) => `gg.users.tabs.${tab}`),
    ...PURCHASE_STATUSES.map((status) => `gg.purchases.status.${status}`),
    ...HoldsQuerySchema.shape.status.unwrap().options.map((status) => `gg.holds.status.${status}`),
    ...KYC_TIERS.map((tier) => `gg.kyc.tier.${tier}`),
    ...KycStatusSchema.shape.check.unwrap().shape.status.options.map((status) => `gg.kyc.status.${status}`),
    ...CASE_STATUSES.map((status) => `gg.cases.status.${status}`),
    ...CASE_SOURCES.map((source) => `gg.cases.source.${source}`),
    ...REPORT_CATEGORIES.map((category) => `gg.cases.category.${category}`),
    ...['actioned', 'dismissed'].flatMap((status) => [`gg.cases.resolve.${status}`, `gg.cases.resolve.${status}_title`, `gg.cases.resolve.${status}_help`, `gg.cases.resolve.done_${status}`]),
    ...GAME_MODES.map((mode) => `gg.tables.mode.${mode}`),
    ...['tribute', 'return', 'play', 'over'].map((phase) => `gg.tables.phase.${phase}`),
    ...AdminTableSummarySchema.shape.status.options.map((status) => `gg.tables.status.${status}`),
    ...['0', '1'].map((team) => `gg.tables.team.${team}`),
    ...['small', 'big'].flatMap((joker) => [`gg.tables.joker.${joker}`, `gg.tables.joker.${joker}_name`]),
    ...['open', 'confirmed', 'failed'].map((status) => `gg.economy.batch_status.${status}`),
    ...TreasurySchema.shape.status.options.filter((status) => status !== 'read').map((status) => `gg.economy.treasury_status.${status}`),
    ...REWARD_SERIES.map((key) => `gg.economy.reward_series.${key}`),
    ...FLOW_SERIES.map((key) => `gg.economy.flow_series.${key}`),
    ...RATE_FIELDS.map((key) => `gg.analytics.rate.${key}`),
    ...LENGTH_FIELDS.map((key) => `gg.analytics.length.${key}`),
    ...COIN_SERIES.map((key) => `gg.analytics.coin_series.${key}`),
    ...FUNNEL_STEPS.map((step) => `gg.analytics.funnel_step.${step}`),
    ...['not_a_day', 'from_after_to', 'too_long'].map((problem) => `gg.analytics.range_problem.${problem}`),
    ...['from', 'to'].map((end) => `gg.analytics.${end}`),
    ...['csv', 'jsonl'].map((format) => `gg.audit.export_${format}`),
    ...['1h', '1d', '7d', '30d', 'forever'].map((preset) => `gg.actions.preset.${preset}`),
  ];
  assert.deepEqual(
    keys.filter((key) => !has(key)),
    [],
  );
  assert.ok(Object.keys(MINIMUM_ROLE).length > 0);
});

test('a count or a value is always a placeholder, never glued into the text', () => {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') texts.push(node);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  walk(consoleMessagesEn);
  for (const text of texts) {
    for (const [, name] of text.matchAll(/%\{(\w+)\}/g)) assert.match(name, /^[a-z_]+$/, text);
    assert.doesNotMatch(text, /(?<!%)\{\w+\}/, `a placeholder without % in "${text}"`);
  }
});
