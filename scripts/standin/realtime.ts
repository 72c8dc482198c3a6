// DEVELOPMENT TOOL: the stand-in's Realtime, broadcast only (what the app uses: a payload-free
// "something changed" hint between a writer's devices, src/app/sync/realtime-hint.ts). Speaks
// the Phoenix socket protocol of Supabase Realtime as supabase-js 2 (serializer 2.0.0) does on
// /realtime/v1/websocket: JSON text frames [join_ref, ref, topic, event, payload] for joins,
// heartbeats and leaves; binary "user broadcast push" frames for channel.send(). Like a public
// Supabase broadcast channel, any holder of the anon key may join any topic; no presence, no
// postgres_changes, no acknowledgements (the app sends with ack off).
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { verifyToken } from './jwt';

const PATH = '/realtime/v1/websocket';
/** Kinds of binary frames (realtime-js lib/serializer.js). */
const USER_BROADCAST_PUSH = 3;
const JSON_ENCODING = 1;

type Frame = [string | null, string | null, string, string, unknown];

interface BroadcastPush {
  topic: string;
  event: string;
  payload: unknown;
}

/** Serves Realtime broadcast on `server`'s upgrade requests to /realtime/v1/websocket. */
export function attachRealtime(server: Server, jwtSecret: string): { close(): void } {
  const sockets = new WebSocketServer({ noServer: true });
  const topicsOf = new Map<WebSocket, Set<string>>();

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    void acceptKey(req, jwtSecret).then((accepted) => {
      if (!accepted) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws));
    });
  });

  sockets.on('connection', (ws: WebSocket) => {
    topicsOf.set(ws, new Set());
    ws.on('close', () => topicsOf.delete(ws));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      try {
        handle(ws, data, isBinary);
      } catch {
        ws.close(1003, 'The stand-in could not read that Realtime message.');
      }
    });
  });

  function handle(ws: WebSocket, data: RawData, isBinary: boolean) {
    if (isBinary) {
      const push = decodeBroadcastPush(toArrayBuffer(data));
      if (push) relay(ws, push);
      return;
    }
    const [joinRef, ref, topic, event] = JSON.parse(String(data)) as Frame;
    const reply = (response: object = {}) =>
      send(ws, [joinRef, ref, topic, 'phx_reply', { status: 'ok', response }]);
    if (event === 'heartbeat') reply();
    else if (event === 'phx_join') {
      topicsOf.get(ws)?.add(topic);
      reply({ postgres_changes: [] });
    } else if (event === 'phx_leave') {
      topicsOf.get(ws)?.delete(topic);
      reply();
    }
    // 'access_token' (a refreshed session) needs nothing here: topics are not authorized.
  }

  /** To every other socket joined to the topic: broadcast with `self: false`, as the app asks. */
  function relay(from: WebSocket, push: BroadcastPush) {
    const frame: Frame = [
      null,
      null,
      push.topic,
      'broadcast',
      { type: 'broadcast', event: push.event, payload: push.payload },
    ];
    for (const [ws, topics] of topicsOf) if (ws !== from && topics.has(push.topic)) send(ws, frame);
  }

  return {
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

/** Only the Realtime path, with a valid anon or service_role key (`apikey`, as supabase-js sends it). */
async function acceptKey(req: IncomingMessage, jwtSecret: string): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const apikey = url.searchParams.get('apikey');
  if (url.pathname !== PATH || !apikey) return false;
  const key = await verifyToken(jwtSecret, apikey);
  return key.ok && key.claims.role !== 'authenticated';
}

function send(ws: WebSocket, frame: Frame) {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

function toArrayBuffer(data: RawData): ArrayBuffer {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

/**
 * A binary user broadcast push: kind, the lengths of join_ref, ref, topic, event and metadata,
 * the payload encoding, those strings, then the payload (JSON or bytes).
 */
function decodeBroadcastPush(buffer: ArrayBuffer): BroadcastPush | null {
  const view = new DataView(buffer);
  if (buffer.byteLength < 7 || view.getUint8(0) !== USER_BROADCAST_PUSH) return null;
  const lengths = [1, 2, 3, 4, 5].map((offset) => view.getUint8(offset));
  const encoding = view.getUint8(6);
  const decoder = new TextDecoder();
  let offset = 7;
  const [, , topic, event] = lengths.map((length) => {
    const text = decoder.decode(buffer.slice(offset, offset + length));
    offset += length;
    return text;
  });
  const body = buffer.slice(offset);
  const payload: unknown = encoding === JSON_ENCODING ? JSON.parse(decoder.decode(body)) : body;
  return { topic: topic!, event: event!, payload };
}
