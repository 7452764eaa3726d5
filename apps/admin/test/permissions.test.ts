import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_ROLES } from '@guandan/protocol';
import { isOperatorRole, may, mayAccess, mayActOn, mayLift, MINIMUM_ROLE } from '../src/lib/permissions';

test('each role may do what the roles below it may, and more', () => {
  assert.deepEqual(
    STAFF_ROLES.map((role) => Object.keys(MINIMUM_ROLE).filter((action) => may(role, action as keyof typeof MINIMUM_ROLE))),
    [
      [],
      ['users.read', 'sanction.mute', 'sanction.suspend', 'cases.work'],
      ['users.read', 'sanction.mute', 'sanction.suspend', 'cases.work', 'sanction.ban', 'sessions.sign-out', 'coins.correct', 'audit.read', 'tables.watch', 'tables.end', 'economy.read', 'analytics.read', 'rewards.retry', 'payments.read', 'holds.lift'],
      [
        'users.read',
        'sanction.mute',
        'sanction.suspend',
        'cases.work',
        'sanction.ban',
        'sessions.sign-out',
        'coins.correct',
        'audit.read',
        'tables.watch',
        'tables.end',
        'economy.read',
        'analytics.read',
        'rewards.retry',
        'payments.read',
        'holds.lift',
        'roles.set',
        'audit.export',
      ],
    ],
  );
});

test('an unknown or missing role may do nothing', () => {
  for (const role of [undefined, null, '', 'superuser', 3]) {
    assert.equal(may(role, 'users.read'), false);
    assert.equal(isOperatorRole(role), false);
  }
});

test('only staff use the console', () => {
  assert.equal(isOperatorRole('player'), false);
  assert.equal(isOperatorRole('moderator'), true);
});

test('lifting needs the role that imposes: a moderator lifts mutes and suspensions, not bans', () => {
  assert.equal(mayLift('moderator', 'mute'), true);
  assert.equal(mayLift('moderator', 'suspend'), true);
  assert.equal(mayLift('moderator', 'ban'), false);
  assert.equal(mayLift('operator', 'ban'), true);
});

test('resources: users for moderators, the audit log for operators, its export for admins, no writes', () => {
  assert.equal(mayAccess('moderator', 'users', 'list'), true);
  assert.equal(mayAccess('moderator', 'users', 'show'), true);
  assert.equal(mayAccess('moderator', 'ledger', 'list'), true);
  assert.equal(mayAccess('moderator', 'audit', 'list'), false);
  assert.equal(mayAccess('operator', 'audit', 'list'), true);
  assert.equal(mayAccess('operator', 'audit', 'export'), false);
  assert.equal(mayAccess('admin', 'audit', 'export'), true);
  assert.equal(mayAccess('admin', 'users', 'edit'), false);
  assert.equal(mayAccess('admin', 'users', 'delete'), false);
  assert.equal(mayAccess('admin', 'unknown', 'list'), false);
  assert.equal(mayAccess('player', 'users', 'list'), false);
});

test('the queue for moderators; live tables, the economy and analytics for operators, read only', () => {
  assert.equal(mayAccess('moderator', 'cases', 'list'), true);
  assert.equal(mayAccess('moderator', 'cases', 'show'), true);
  for (const resource of ['tables', 'economy', 'batches', 'analytics']) {
    assert.equal(mayAccess('moderator', resource, 'list'), false, resource);
    assert.equal(mayAccess('operator', resource, 'list'), true, resource);
  }
  assert.equal(mayAccess('operator', 'tables', 'show'), true);
  assert.equal(mayAccess('player', 'cases', 'list'), false);
  assert.equal(mayAccess('admin', 'cases', 'edit'), false);
  assert.equal(mayAccess('admin', 'batches', 'delete'), false);
  assert.equal(may('moderator', 'rewards.retry'), false);
  assert.equal(may('operator', 'rewards.retry'), true);
});

test('ending a table needs the role that watches it: operators and admins, not moderators', () => {
  assert.equal(MINIMUM_ROLE['tables.end'], MINIMUM_ROLE['tables.watch']);
  assert.equal(may('moderator', 'tables.end'), false);
  assert.equal(may('operator', 'tables.end'), true);
  assert.equal(may('admin', 'tables.end'), true);
  // Ending is an action, not a write through react-admin's generic calls.
  assert.equal(mayAccess('admin', 'tables', 'delete'), false);
});

test('staff act on accounts of a lower role, admins on anyone but themselves', () => {
  const target = (role: (typeof STAFF_ROLES)[number]) => ({ user_id: 'target', role });
  assert.equal(mayActOn({ userId: 'me', role: 'moderator' }, target('player')), true);
  assert.equal(mayActOn({ userId: 'me', role: 'moderator' }, target('moderator')), false);
  assert.equal(mayActOn({ userId: 'me', role: 'operator' }, target('moderator')), true);
  assert.equal(mayActOn({ userId: 'me', role: 'operator' }, target('admin')), false);
  assert.equal(mayActOn({ userId: 'me', role: 'admin' }, target('admin')), true);
  assert.equal(mayActOn({ userId: 'target', role: 'admin' }, target('player')), false);
  assert.equal(mayActOn({ userId: 'me', role: null }, target('player')), false);
});

test('payments for operators: holds, purchases and identity tiers are read, and holds lifted, by operators and admins, not moderators', () => {
  for (const action of ['payments.read', 'holds.lift'] as const) {
    assert.equal(may('moderator', action), false, action);
    assert.equal(may('operator', action), true, action);
    assert.equal(may('admin', action), true, action);
  }
  for (const resource of ['holds', 'purchases', 'kyc']) {
    assert.equal(mayAccess('moderator', resource, 'list'), false, resource);
    assert.equal(mayAccess('operator', resource, 'list'), true, resource);
    assert.equal(mayAccess('operator', resource, 'show'), true, resource);
    // Lifting is an action with a reason, never a write through react-admin's generic calls.
    assert.equal(mayAccess('admin', resource, 'edit'), false, resource);
    assert.equal(mayAccess('admin', resource, 'delete'), false, resource);
  }
});
