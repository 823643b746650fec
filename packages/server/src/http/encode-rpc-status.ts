import protobuf from 'protobufjs';

/**
 * A google.rpc.Status message (code = field 1, message = field 2), the error
 * body OTLP/HTTP asks for in protobuf.
 */
export function encodeRpcStatus(code: number, message: string): Buffer {
  const writer = protobuf.Writer.create();
  writer.uint32((1 << 3) | 0).int32(code);
  writer.uint32((2 << 3) | 2).string(message);
  return Buffer.from(writer.finish());
}
