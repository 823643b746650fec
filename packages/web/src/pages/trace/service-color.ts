// A stable colour per service, the same on every page and in both themes:
// mid-tone hues that stay readable on the light and the dark panel.

const PALETTE = ['#4c8bf5', '#2ea08b', '#a371f7', '#e3731c', '#d6409f', '#3f9f3f', '#b08800', '#0f97b5', '#8a6cf0', '#c2572b'];

/**
 * The colour of a service, chosen by a hash of its name.
 *
 * @example serviceColor('shop-web') // always the same hex colour
 */
export function serviceColor(service: string): string {
  let hash = 2166136261;
  for (let i = 0; i < service.length; i++) hash = Math.imul(hash ^ service.charCodeAt(i), 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length]!;
}
