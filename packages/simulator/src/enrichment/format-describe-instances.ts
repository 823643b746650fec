import type { Estate } from '../estate/estate.ts';
import type { Instance } from '../estate/instance-timeline.ts';

/**
 * The instances as `aws ec2 describe-instances` prints them (JSON), seen at
 * `asOf` (epoch ms): instances launched by then, terminated ones with the
 * time in their StateTransitionReason, tagged with the ASG and `AppVersion`.
 * Tinsel's instance enrichment reads this file as it is.
 *
 * @example
 * writeFileSync('instances.json', formatDescribeInstances(estate, timeline.instances, Date.now()));
 */
export function formatDescribeInstances(estate: Estate, instances: readonly Instance[], asOf: number): string {
  const visible = instances.filter((i) => i.launchedAt <= asOf);
  const reservations = visible.map((instance) => ({ ReservationId: `r-0${instance.instanceId.slice(3, 19)}`, OwnerId: estate.options.accountId, Groups: [], Instances: [describe(estate, instance, asOf)] }));
  return `${JSON.stringify({ Reservations: reservations }, null, 4)}\n`;
}

function describe(estate: Estate, instance: Instance, asOf: number): Record<string, unknown> {
  const terminated = instance.terminatedAt !== null && instance.terminatedAt <= asOf;
  const launch = new Date(instance.launchedAt).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const dns = `ip-${instance.ip.replaceAll('.', '-')}.${estate.options.region}.compute.internal`;
  return {
    AmiLaunchIndex: 0,
    ImageId: instance.amiId,
    InstanceId: instance.instanceId,
    InstanceType: instance.instanceType,
    LaunchTime: launch,
    Placement: { AvailabilityZone: instance.az, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: dns,
    PrivateIpAddress: instance.ip,
    State: terminated ? { Code: 48, Name: 'terminated' } : { Code: 16, Name: 'running' },
    StateTransitionReason: terminated ? `User initiated (${new Date(instance.terminatedAt!).toISOString().slice(0, 19).replace('T', ' ')} GMT)` : '',
    SubnetId: `subnet-0${instance.az.slice(-1)}1b2c3d4e5f60718`,
    VpcId: 'vpc-0a1b2c3d4e5f60718',
    NetworkInterfaces: terminated
      ? []
      : [{ Attachment: { AttachTime: launch, DeviceIndex: 0, Status: 'attached' }, PrivateDnsName: dns, PrivateIpAddress: instance.ip, PrivateIpAddresses: [{ Primary: true, PrivateDnsName: dns, PrivateIpAddress: instance.ip }], Status: 'in-use' }],
    Tags: [
      { Key: 'aws:autoscaling:groupName', Value: estate.asg },
      { Key: 'AppVersion', Value: instance.appVersion },
      { Key: 'Name', Value: estate.service },
    ],
  };
}
