import type { Attributes } from './read-any-value.ts';

// `cloud.platform` values of the semantic conventions to X-Ray origins, as
// the Collector's X-Ray exporter maps them.
const ORIGINS: Record<string, string> = {
  aws_ec2: 'AWS::EC2::Instance',
  aws_ecs: 'AWS::ECS::Container',
  aws_eks: 'AWS::EKS::Container',
  aws_lambda: 'AWS::Lambda::Function',
  aws_elastic_beanstalk: 'AWS::ElasticBeanstalk::Environment',
};

/**
 * The X-Ray origin of a span from the resource's `cloud.platform`; null for
 * other platforms (and for none), which X-Ray has no origin for.
 *
 * @example
 * cloudOrigin({ 'cloud.platform': 'aws_ecs' }) // 'AWS::ECS::Container'
 */
export function cloudOrigin(resource: Attributes): string | null {
  const platform = resource['cloud.platform'];
  return typeof platform === 'string' && Object.hasOwn(ORIGINS, platform) ? ORIGINS[platform]! : null;
}
