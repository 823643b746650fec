// The part of autocannon's API the SDK benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Options { url: string; headers?: Record<string, string>; connections?: number; duration?: number; overallRate?: number }
  interface Result { requests: { average: number; total: number }; latency: { p99: number; average: number }; errors: number; non2xx: number }
  export default function autocannon(options: Options): Promise<Result>;
}
