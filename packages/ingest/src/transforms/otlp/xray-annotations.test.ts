import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cloudOrigin } from './cloud-origin.ts';
import { xrayAnnotations } from './xray-annotations.ts';

describe('xrayAnnotations', () => {
  it('is null without aws.xray.annotations', () => {
    assert.equal(xrayAnnotations({ 'tenant.id': 'acme' }, {}), null);
  });

  it('takes the listed keys from the span, then the resource, with X-Ray key characters', () => {
    const span = { 'aws.xray.annotations': ['tenant.id', 'retries', 'region', 'missing', 'list'], 'tenant.id': 'acme', retries: 2, list: ['x'] };
    assert.equal(xrayAnnotations(span, { region: 'eu-west-1' }), '{"tenant_id":"acme","retries":2,"region":"eu-west-1"}');
  });

  it('accepts the list on the resource and a single key as a string', () => {
    assert.equal(xrayAnnotations({ vip: true }, { 'aws.xray.annotations': 'vip' }), '{"vip":true}');
  });
});

describe('cloudOrigin', () => {
  it('maps the AWS platforms like the X-Ray exporter', () => {
    assert.equal(cloudOrigin({ 'cloud.platform': 'aws_ec2' }), 'AWS::EC2::Instance');
    assert.equal(cloudOrigin({ 'cloud.platform': 'aws_ecs' }), 'AWS::ECS::Container');
    assert.equal(cloudOrigin({ 'cloud.platform': 'aws_eks' }), 'AWS::EKS::Container');
    assert.equal(cloudOrigin({ 'cloud.platform': 'aws_lambda' }), 'AWS::Lambda::Function');
    assert.equal(cloudOrigin({ 'cloud.platform': 'aws_elastic_beanstalk' }), 'AWS::ElasticBeanstalk::Environment');
  });

  it('is null for other platforms and none', () => {
    assert.equal(cloudOrigin({ 'cloud.platform': 'gcp_cloud_run' }), null);
    assert.equal(cloudOrigin({ 'cloud.platform': 'toString' }), null);
    assert.equal(cloudOrigin({}), null);
  });
});
