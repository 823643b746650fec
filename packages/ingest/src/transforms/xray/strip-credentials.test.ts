import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stripCredentials } from './strip-credentials.ts';

describe('stripCredentials', () => {
  it('keeps a JDBC URL without credentials as it is', () => {
    const url = 'jdbc:postgresql://aawijb5u25wdoy.cpamxznpdoq8.us-west-2.rds.amazonaws.com:5432/ebdb';
    assert.equal(stripCredentials(url), url);
  });

  it('drops the user-info part of a URL', () => {
    assert.equal(stripCredentials('postgresql://app:s3cret@db.example.com:5432/shop'), 'postgresql://db.example.com:5432/shop');
    assert.equal(stripCredentials('jdbc:mysql://app@db.example.com/shop'), 'jdbc:mysql://db.example.com/shop');
  });

  it('drops password parameters of a query string, keeping the others', () => {
    assert.equal(stripCredentials('jdbc:mysql://db.example.com/shop?user=app&password=x&ssl=true'), 'jdbc:mysql://db.example.com/shop?user=app&ssl=true');
    assert.equal(stripCredentials('jdbc:mysql://db.example.com/shop?password=x'), 'jdbc:mysql://db.example.com/shop?');
  });

  it('drops Password= and Pwd= pairs of a connection string', () => {
    assert.equal(stripCredentials('Server=db1;Database=shop;User Id=app;Password=s3cret;'), 'Server=db1;Database=shop;User Id=app;');
    assert.equal(stripCredentials('Pwd=s3cret;Server=db1'), 'Server=db1');
    assert.equal(stripCredentials('Server=db1; PWD = s3cret ;Database=shop'), 'Server=db1;Database=shop');
  });

  it('does not mistake a key that merely ends in "pass" for a password', () => {
    assert.equal(stripCredentials('Server=db1;Bypass=yes'), 'Server=db1;Bypass=yes');
  });
});
