import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuditExportQuerySchema } from '@guandan/protocol';
import { exportQuery, fallbackExportName, filenameFromDisposition } from '../src/lib/audit-export';

test('an export takes the list filters it knows and the format', () => {
  const query = exportQuery({ action: 'coins.correct', target_id: ' abc ', q: 'ignored', actor_id: '' }, 'jsonl');
  assert.equal(query.toString(), 'target_id=abc&action=coins.correct&format=jsonl');
  assert.doesNotThrow(() => AuditExportQuerySchema.parse(Object.fromEntries(query)));
});

test('the file name comes from Content-Disposition, reduced to a base name', () => {
  assert.equal(filenameFromDisposition('attachment; filename="audit-log.csv"', 'x'), 'audit-log.csv');
  assert.equal(filenameFromDisposition('attachment; filename=audit.jsonl', 'x'), 'audit.jsonl');
  assert.equal(filenameFromDisposition("attachment; filename=\"plain.csv\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.csv", 'x'), '审计.csv');
  assert.equal(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x'), 'passwd');
  assert.equal(filenameFromDisposition('attachment', 'fallback.csv'), 'fallback.csv');
  assert.equal(filenameFromDisposition(null, 'fallback.csv'), 'fallback.csv');
  assert.equal(filenameFromDisposition('attachment; filename=""', 'fallback.csv'), 'fallback.csv');
});

test('an unnamed export is named by its date', () => {
  assert.equal(fallbackExportName('csv', new Date('2026-12-08T23:00:00Z')), 'audit-2026-12-08.csv');
});
