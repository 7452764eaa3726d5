import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterQuery, listQuery, MAX_PER_PAGE } from '../src/lib/list-query';

test('a list request becomes page, per_page and the known filters', () => {
  const query = listQuery({ pagination: { page: 3, perPage: 50 }, filter: { q: ' ann ', role: 'moderator', standing: 'banned' } }, ['q', 'role', 'standing']);
  assert.equal(query.toString(), 'page=3&per_page=50&q=ann&role=moderator&standing=banned');
});

test('filters the endpoint does not know are left out, since its query schema is strict', () => {
  const query = listQuery({ pagination: { page: 1, perPage: 25 }, filter: { q: 'x', sort: 'id', extra: 1 } }, ['q']);
  assert.deepEqual([...query.keys()], ['page', 'per_page', 'q']);
});

test('empty, blank and non-scalar filter values are left out', () => {
  const query = listQuery({ pagination: { page: 1, perPage: 10 }, filter: { q: '   ', role: undefined, standing: ['banned'], action: null } }, ['q', 'role', 'standing', 'action']);
  assert.equal(query.toString(), 'page=1&per_page=10');
});

test('paging stays within what the API accepts', () => {
  assert.equal(listQuery({ pagination: { page: 0, perPage: 1000 } }, []).toString(), `page=1&per_page=${MAX_PER_PAGE}`);
  assert.equal(listQuery({ pagination: { page: 2.7, perPage: 0 } }, []).toString(), 'page=2&per_page=1');
  assert.equal(listQuery({}, []).toString(), 'page=1&per_page=25');
});

test('a filter query carries only filters', () => {
  assert.equal(filterQuery({ action: 'coins.correct', page: 2 }, ['action']).toString(), 'action=coins.correct');
  assert.equal(filterQuery(undefined, ['action']).toString(), '');
});
