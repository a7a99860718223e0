// A minimal RFC 6455 WebSocket server connection for the fake Slack's Socket Mode: the upgrade handshake,
// text frames, ping/pong and the close handshake. No extensions (permessage-deflate is declined by not
// echoing it). Written by hand because @slack/socket-mode 3 talks through undici and the `ws` package is not
// installed; a WebSocket client (the app) must mask its frames, the server must not.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A peer that never answers our close frame is cut off after this long. */
const CLOSE_WAIT_MS = 1000;
/** Far more than any Socket Mode message; a bigger frame is a protocol error. */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const Opcode = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface WebSocketHandlers {
  onText(text: string): void;
  /** Once, when the TCP connection is gone. `code` is the peer's close code, when it sent a close frame. */
  onClosed(info: { code?: number; reason?: string; by: 'peer' | 'server' | 'network' }): void;
  onPong?(data: Buffer): void;
  onPing?(data: Buffer): void;
}

/** Answers a WebSocket upgrade request; returns undefined (after refusing it with `status`) when it is not one. */
export function acceptWebSocket(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  handlers: WebSocketHandlers,
): WebSocketConnection | undefined {
  const key = req.headers['sec-websocket-key'];
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (req.method !== 'GET' || upgrade !== 'websocket' || typeof key !== 'string' || key === '') {
    refuseUpgrade(socket, 400, 'Bad Request');
    return undefined;
  }
  if (req.headers['sec-websocket-version'] !== '13') {
    socket.end('HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n');
    return undefined;
  }
  const accept = createHash('sha1').update(`${key}${HANDSHAKE_GUID}`).digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  const connection = new WebSocketConnection(socket, handlers);
  if (head.length > 0) connection.receive(head);
  return connection;
}

/** Refuses an upgrade with a plain HTTP status, as a server does for a bad URL or ticket. */
export function refuseUpgrade(socket: Duplex, status: number, statusText: string, body = ''): void {
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export class WebSocketConnection {
  state: 'open' | 'closing' | 'closed' = 'open';
  private buffered: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentBytes = 0;
  private messageOpcode: number = Opcode.text;
  private peerClose?: { code?: number; reason?: string };
  private closeTimer?: NodeJS.Timeout;
  private closedBy: 'peer' | 'server' | 'network' = 'network';

  constructor(
    private readonly socket: Duplex,
    private readonly handlers: WebSocketHandlers,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // A reset from the peer is how a killed process goes away: reported through onClosed, not thrown.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.finish());
  }

  sendText(text: string): void {
    this.sendFrame(Opcode.text, Buffer.from(text, 'utf8'));
  }

  ping(data = Buffer.alloc(0)): void {
    this.sendFrame(Opcode.ping, data);
  }

  /** Starts the close handshake; the TCP connection ends when the peer answers (or after CLOSE_WAIT_MS). */
  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return;
    this.closedBy = 'server';
    this.sendClose(code, reason);
    this.state = 'closing';
    this.closeTimer = setTimeout(() => this.socket.destroy(), CLOSE_WAIT_MS);
    this.closeTimer.unref();
  }

  /** Drops the TCP connection without a close frame, as a network failure would. */
  terminate(): void {
    this.socket.destroy();
  }

  /** Feeds bytes read from the socket; parses and dispatches every complete frame. */
  receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const frame = this.takeFrame();
      if (frame === undefined || this.state === 'closed') return;
      this.handleFrame(frame.fin, frame.opcode, frame.payload);
    }
  }

  private takeFrame(): { fin: boolean; opcode: number; payload: Buffer } | undefined {
    const buf = this.buffered;
    if (buf.length < 2) return undefined;
    const first = buf[0] as number;
    const second = buf[1] as number;
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buf.length < 4) return undefined;
      length = buf.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buf.length < 10) return undefined;
      length = Number(buf.readBigUInt64BE(2));
      offset = 10;
    }
    if (length > MAX_MESSAGE_BYTES) {
      this.protocolError(1009, 'message too big');
      return undefined;
    }
    const masked = (second & 0x80) !== 0;
    if (!masked) {
      this.protocolError(1002, 'client frames must be masked');
      return undefined;
    }
    if (buf.length < offset + 4 + length) return undefined;
    const mask = buf.subarray(offset, offset + 4);
    const payload = Buffer.from(buf.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i % 4] as number);
    this.buffered = buf.subarray(offset + 4 + length);
    return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload };
  }

  private handleFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case Opcode.ping:
        this.sendFrame(Opcode.pong, payload);
        this.handlers.onPing?.(payload);
        return;
      case Opcode.pong:
        this.handlers.onPong?.(payload);
        return;
      case Opcode.close:
        this.peerClose =
          payload.length >= 2
            ? { code: payload.readUInt16BE(0), reason: payload.subarray(2).toString('utf8') }
            : { code: undefined, reason: undefined };
        if (this.state === 'open') {
          this.closedBy = 'peer';
          this.sendClose(this.peerClose.code ?? 1000, '');
        }
        this.state = 'closing';
        this.socket.end();
        return;
      case Opcode.text:
      case Opcode.binary:
      case Opcode.continuation:
        this.collect(fin, opcode, payload);
        return;
      default:
        this.protocolError(1002, `unknown opcode ${opcode}`);
    }
  }

  private collect(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode !== Opcode.continuation) {
      this.messageOpcode = opcode;
      this.fragments = [];
      this.fragmentBytes = 0;
    }
    this.fragments.push(payload);
    this.fragmentBytes += payload.length;
    if (this.fragmentBytes > MAX_MESSAGE_BYTES) {
      this.protocolError(1009, 'message too big');
      return;
    }
    if (!fin) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    this.fragmentBytes = 0;
    // Slack's Socket Mode is text only; a binary message is ignored, as Slack would.
    if (this.messageOpcode === Opcode.text) this.handlers.onText(message.toString('utf8'));
  }

  private protocolError(code: number, reason: string): void {
    this.buffered = Buffer.alloc(0);
    this.close(code, reason);
  }

  private sendClose(code: number, reason: string): void {
    const body = Buffer.alloc(2 + Buffer.byteLength(reason));
    body.writeUInt16BE(code, 0);
    body.write(reason, 2, 'utf8');
    this.sendFrame(Opcode.close, body);
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (this.state !== 'open' || this.socket.destroyed) return;
    let header: Buffer;
    if (payload.length < 126) {
      header = Buffer.from([0x80 | opcode, payload.length]);
    } else if (payload.length < 65536) {
      header = Buffer.alloc(4);
      header[1] = 126;
      header.writeUInt16BE(payload.length, 2);
    } else {
      header = Buffer.alloc(10);
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(payload.length), 2);
    }
    header[0] = 0x80 | opcode;
    this.socket.write(Buffer.concat([header, payload]));
  }

  private finish(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.closeTimer);
    const by = this.peerClose && this.closedBy === 'network' ? 'peer' : this.closedBy;
    this.handlers.onClosed({ ...this.peerClose, by });
  }
}
