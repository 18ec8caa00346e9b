/**
 * A small, independent WebSocket frame encoder (RFC 6455 §5.2) so the tests can build any frame
 * the decoder must read: every length form, masked or not, fragments and control frames.
 */
export interface FrameSpec {
  fin?: boolean;
  opcode: number;
  payload: Buffer | string;
  /** Four bytes: the frame is masked with this key. Absent: unmasked (as a server sends). */
  mask?: Buffer;
}

export function encodeFrame(spec: FrameSpec): Buffer {
  const payload = Buffer.from(spec.payload);
  const n = payload.length;
  const lengthBytes = n < 126 ? 0 : n <= 0xffff ? 2 : 8;
  const head = Buffer.alloc(2 + lengthBytes + (spec.mask ? 4 : 0));
  head[0] = (spec.fin === false ? 0 : 0x80) | (spec.opcode & 0x0f);
  const maskBit = spec.mask ? 0x80 : 0;
  if (lengthBytes === 0) head[1] = maskBit | n;
  else if (lengthBytes === 2) {
    head[1] = maskBit | 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = maskBit | 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  if (!spec.mask) return Buffer.concat([head, payload]);
  spec.mask.copy(head, 2 + lengthBytes);
  const body = Buffer.alloc(n);
  for (let i = 0; i < n; i++) body[i] = (payload[i] as number) ^ (spec.mask[i % 4] as number);
  return Buffer.concat([head, body]);
}

/** A payload of `n` bytes that is not a repeating pattern, so a wrong mask index shows. */
export function patterned(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
  return b;
}
