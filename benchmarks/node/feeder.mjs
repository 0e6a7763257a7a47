// The load harness's feeder in Node (ws library), for figures that do not depend on a JVM server: the
// same conventions as the harness's Jetty feeder (LoadHarness serve), so `compare --feeder node` runs
// the same measures against it.
//
// - Listens on 127.0.0.1 (port from argv[2], default 0: any free port), prints one JSON line when ready,
//   exactly as `serve` does, and exits when its standard input closes.
// - Speaks the part of the Pusher protocol the flood measures use: connection_established, ping/pong,
//   subscribe to public channels.
// - Subscribing to flood-<count>-<bytes>-<tag> makes it write <count> "tick" events whose data is
//   {"n":<10 digits>,"p":"xxx…"}, <bytes> long, keeping WINDOW frames in flight (so the client sets the
//   pace), then one "flood-done" event whose data is the nanoseconds spent writing. The frames are built
//   from a template, as the Jetty feeder builds them (docs in benchmarks/README.md, "Flood").
import { WebSocketServer } from 'ws';

const WINDOW = 256;
const DIGITS = 10;
const MIN_BYTES = 23;
const FLOOD = /^flood-(\d+)-(\d+)-([a-z0-9]+)$/;
const KEY = 'app-key';

const wss = new WebSocketServer({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0), perMessageDeflate: false });
let nextSocket = 1;

wss.on('connection', (ws, request) => {
  if (!request.url.startsWith(`/app/${KEY}`)) {
    ws.close(4001, 'App key not in use');
    return;
  }
  const socketId = `${process.pid}.${nextSocket++}`;
  send(ws, 'pusher:connection_established', undefined, JSON.stringify({ socket_id: socketId, activity_timeout: 120 }));
  ws.on('message', (raw) => {
    let frame;
    try {
      frame = JSON.parse(raw.toString());
    } catch {
      send(ws, 'pusher:error', undefined, { code: null, message: 'malformed frame' });
      return;
    }
    if (frame.event === 'pusher:ping') {
      send(ws, 'pusher:pong', undefined, {});
    } else if (frame.event === 'pusher:subscribe') {
      const channel = frame.data?.channel ?? '';
      send(ws, 'pusher_internal:subscription_succeeded', channel, '{}');
      const m = FLOOD.exec(channel);
      if (m) {
        flood(ws, channel, Number(m[1]), Number(m[2]));
      }
    }
  });
});

function send(ws, event, channel, data) {
  const frame = { event };
  if (channel !== undefined) {
    frame.channel = channel;
  }
  frame.data = data;
  ws.send(JSON.stringify(frame));
}

function flood(ws, channel, count, bytes) {
  const head = `{"event":"tick","channel":"${channel}","data":"{\\"n\\":`;
  const tail = `,\\"p\\":\\"${'x'.repeat(Math.max(0, bytes - MIN_BYTES))}\\"}"}`;
  const start = process.hrtime.bigint();
  let sent = 0;
  let inFlight = 0;
  const written = (err) => {
    inFlight--;
    if (!err) {
      pump();
    }
  };
  const pump = () => {
    while (sent < count && inFlight < WINDOW && ws.readyState === ws.OPEN) {
      const n = String(sent++).padStart(DIGITS, '0');
      inFlight++;
      ws.send(head + n + tail, written);
    }
    if (sent === count && inFlight === 0 && ws.readyState === ws.OPEN) {
      sent++; // the done event goes once
      send(ws, 'flood-done', channel, String(process.hrtime.bigint() - start));
    }
  };
  pump();
}

wss.on('listening', () => {
  const { port } = wss.address();
  console.log(JSON.stringify({ serve: 'ready', host: '127.0.0.1', port, key: KEY, app_id: 'app-id', secret: 'app-secret' }));
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
