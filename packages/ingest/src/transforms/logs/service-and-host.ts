// Property names that say which service and host logged an event, as
// Serilog enrichers (Application, MachineName), OTel resources (service.name,
// host.name) and Node loggers (service, hostname) write them.
const SERVICE_NAMES = ['service.name', 'Application', 'ApplicationName', 'Service', 'ServiceName', 'service', 'app'];
const HOST_NAMES = ['host.name', 'MachineName', 'hostname', 'Host', 'host', 'HostName'];

/**
 * The service and host of an event, read from the first of the usual
 * property names that holds a non-empty string. The properties keep them.
 *
 * @example
 * serviceAndHost({ Application: 'checkout', MachineName: 'web-3' }) // { service: 'checkout', host: 'web-3' }
 */
export function serviceAndHost(properties: Record<string, unknown>): { service: string | null; host: string | null } {
  return { service: firstString(properties, SERVICE_NAMES), host: firstString(properties, HOST_NAMES) };
}

function firstString(properties: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = properties[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
