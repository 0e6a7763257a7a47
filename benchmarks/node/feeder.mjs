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
//   pace; flood-<count>-<bytes>-r<rate>-<tag>: <rate> a second), then one "flood-done" event whose data is the nanoseconds spent writing. From 39 bytes on, the
//   pad starts with the time the frame was built: 16 digits of the monotonic clock in nanoseconds (modulo
//   10^16), which process.hrtime and Java's System.nanoTime read alike on Linux. The frames are built from
//   a template, as the Jetty feeder builds them (the harness's Flood class says the same).
import { WebSocketServer } from 'ws';

const WINDOW = 256;
const DIGITS = 10;
const MIN_BYTES = 23;
const STAMP_DIGITS = 16;
const STAMP_MODULUS = 10n ** 16n;
const FLOOD = /^flood-(\d+)-(\d+)(?:-r(\d+))?-([a-z0-9]+)$/;
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
        flood(ws, channel, Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
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

function flood(ws, channel, count, bytes, rate) {
  const stamped = bytes >= MIN_BYTES + STAMP_DIGITS;
  const head = `{"event":"tick","channel":"${channel}","data":"{\\"n\\":`;
  const middle = ',\\"p\\":\\"';
  const tail = `${'x'.repeat(Math.max(0, bytes - MIN_BYTES - (stamped ? STAMP_DIGITS : 0)))}\\"}"}`;
  const stamp = () => (stamped ? String(process.hrtime.bigint() % STAMP_MODULUS).padStart(STAMP_DIGITS, '0') : '');
  const start = process.hrtime.bigint();
  let sent = 0;
  let inFlight = 0;
  const written = (err) => {
    inFlight--;
    if (!err) {
      pump();
    }
  };
  let timer = null;
  const pump = () => {
    // At a rate, only the frames whose turn has come; the rest on a timer (bursts of about 1 ms).
    const due = rate > 0 ? Math.min(count, Math.floor((Number(process.hrtime.bigint() - start) * rate) / 1e9) + 1) : count;
    while (sent < due && inFlight < WINDOW && ws.readyState === ws.OPEN) {
      const n = String(sent++).padStart(DIGITS, '0');
      inFlight++;
      ws.send(head + n + middle + stamp() + tail, written);
    }
    if (sent < count && sent >= due && timer === null && ws.readyState === ws.OPEN) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, 1);
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
