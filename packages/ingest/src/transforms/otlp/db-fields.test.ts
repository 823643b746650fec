import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDbFields, withoutCredentials } from './db-fields.ts';

describe('readDbFields', () => {
  it('reads the query and server of old and new conventions', () => {
    assert.deepEqual(readDbFields({ 'db.system': 'postgresql', 'db.statement': 'SELECT 1', 'net.peer.name': 'db1', 'net.peer.port': 5432 }), {
      sqlQuery: 'SELECT 1',
      dbServer: 'db1:5432',
    });
    assert.deepEqual(readDbFields({ 'db.system.name': 'mysql', 'db.query.text': 'SELECT 2', 'server.address': 'db2' }), {
      sqlQuery: 'SELECT 2',
      dbServer: 'db2',
    });
  });

  it('falls back to the connection string, without credentials', () => {
    assert.equal(readDbFields({ 'db.system': 'mssql', 'db.connection_string': 'Server=db3;User Id=app;Password=x;Database=shop' }).dbServer, 'Server=db3;Database=shop');
  });

  it('ignores server.address on spans that are not database calls', () => {
    assert.deepEqual(readDbFields({ 'server.address': 'api.example', 'http.request.method': 'GET' }), { sqlQuery: null, dbServer: null });
  });
});

describe('withoutCredentials', () => {
  it('drops user info and query from URL-style strings', () => {
    assert.equal(withoutCredentials('postgresql://app:s3cret@db1:5432/shop?sslmode=require'), 'postgresql://db1:5432/shop');
    assert.equal(withoutCredentials('jdbc:postgresql://u:p@db1/x'), 'jdbc:postgresql://db1/x');
    assert.equal(withoutCredentials('redis://:pw@cache:6379'), 'redis://cache:6379');
    assert.equal(withoutCredentials('mongodb://db1/?password=x'), 'mongodb://db1');
  });

  it('drops secret keys from key=value strings', () => {
    assert.equal(withoutCredentials('Data Source=db1;UID=sa;PWD=x'), 'Data Source=db1');
    assert.equal(withoutCredentials('Password=only'), null);
  });
});
