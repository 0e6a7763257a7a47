// Runs the client part of one conformance script with pusher-js 8.6.0 (the reference client) and prints,
// as JSON lines on stdout, what pusher-js reports to its user: state changes, errors, connecting_in,
// global, channel, user and watchlist events. The Java side (io.pusherj.conformance) runs the same script
// with pusherj, normalizes both transcripts the same way and compares them; this file stays a thin
// recorder so that both clients are observed alike (see conformance/README.md for the record format).
//
// Usage: node pusher-js-driver.mjs '<config JSON>'   (config: key, host, port, tlsPort, options, actions)
// It ends when the server sends the end marker event, when "stop" arrives on stdin, or after timeoutMs.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import readline from 'node:readline';

const require = createRequire(import.meta.url);
const Pusher = require('pusher-js');

const config = JSON.parse(process.argv[2]);
const END_EVENT = 'conformance:end';
const records = [];
const waiters = [];
let finished = false;

function out(record) {
  if (finished) return;
  records.push(record);
  process.stdout.write(JSON.stringify(record) + '\n');
  for (const w of waiters.slice()) w();
}

// A listener that throws aborts pusher-js's own work and, in Node, reaches the process: recorded, not fatal.
process.on('uncaughtException', () => out({ s: 'connection', t: 'uncaught' }));

function json(value) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

function errorRecord(err) {
  const code = err && ((err.data && err.data.code) ?? (err.error && err.error.data && err.error.data.code));
  return { s: 'connection', t: 'error', type: (err && err.type) || String(err), code: code ?? null };
}

const options = {
  cluster: 'mt1',
  wsHost: config.host,
  wsPort: config.port,
  wssPort: config.tlsPort || config.port,
  forceTLS: false,
  enabledTransports: ['ws'],
  ...config.options,
};

// The custom handlers scripts use (pusherj's driver has the same two): "null" answers null, "slow-sign"
// signs like an app server after 300 ms.
if (config.customAuth) {
  options.channelAuthorization = {
    customHandler: (params, callback) => {
      if (config.customAuth === 'null') {
        callback(null, null);
        return;
      }
      const signature = crypto.createHmac('sha256', config.secret)
        .update(`${params.socketId}:${params.channelName}`).digest('hex');
      setTimeout(() => callback(null, { auth: `${config.key}:${signature}` }), 300);
    },
  };
}

// Connect only when the script says so, after every binding is in place (pusherj: autoConnect(false)).
// The Node build exports a subclass (PusherWithEncryption); its constructor reads the base class's flag.
Object.getPrototypeOf(Pusher).isReady = false;
const pusher = new Pusher(config.key, options);

pusher.connection.bind('state_change', ({ previous, current }) => out({ s: 'connection', t: 'state', from: previous, to: current }));
pusher.connection.bind('connecting_in', (delay) => out({ s: 'connection', t: 'connecting_in', seconds: delay }));
pusher.connection.bind('error', (err) => out(errorRecord(err)));
pusher.bind_global((event, data) => {
  if (event === END_EVENT) {
    finish();
  } else {
    out({ s: 'connection', t: 'global', event, data: json(data) });
  }
});
pusher.connection.bind('message', (message) => {
  // The user facade handled the message first (bound earlier): user_data is set on success.
  if (message.event === 'pusher:signin_success' && pusher.user.user_data) {
    out({ s: 'user', t: 'signed_in', id: pusher.user.user_data.id });
  }
});
pusher.user.bind_global((event, data) => out({ s: 'user', t: 'event', event, data: json(data) }));
pusher.user.watchlist.bind_global((event, data) => out({ s: 'watchlist', t: 'event', event, data: json(data) }));

function members(channel) {
  const m = channel.members;
  return { count: m.count, me: m.me ? m.me.id : null, members: json(m.members) };
}

function subscribe(action) {
  const name = action.channel;
  const channel = pusher.subscribe(name);
  const stream = `channel:${name}`;
  channel.bind_global((event, data) => {
    if (event === 'pusher:subscription_succeeded' && name.startsWith('presence-')) {
      out({ s: stream, t: 'event', event, data: members(channel) });
    } else {
      out({ s: stream, t: 'event', event, data: json(data) });
    }
  });
  for (const event of action.bind || []) {
    channel.bind(event, (data, metadata) => out({ s: stream, t: 'metadata', event, user_id: (metadata && metadata.user_id) ?? null }));
  }
}

const actions = {
  connect: () => pusher.connect(),
  disconnect: () => pusher.disconnect(),
  subscribe,
  unsubscribe: (a) => pusher.unsubscribe(a.channel),
  signin: () => pusher.signin(),
  trigger: (a) => pusher.channel(a.channel).trigger(a.event, a.data),
  throwOnState: (a) => pusher.connection.bind(a.state, () => { throw new Error('thrown by a state listener'); }),
  // pusherj's close() has no pusher-js counterpart: disconnect() is what a pusher-js app calls.
  closeFromListener: (a) => pusher.channel(a.channel).bind(a.event, () => pusher.disconnect()),
};

function matches(pattern, value) {
  if (pattern === null || typeof pattern !== 'object') return pattern === value;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.length === value.length && pattern.every((p, i) => matches(p, value[i]));
  }
  return Object.keys(pattern).every((k) => matches(pattern[k], value[k]));
}

function whenSeen(pattern, nth) {
  return new Promise((resolve) => {
    const check = () => {
      if (records.filter((r) => matches(pattern, r)).length >= nth) {
        waiters.splice(waiters.indexOf(check), 1);
        resolve();
      }
    };
    waiters.push(check);
    check();
  });
}

function finish() {
  if (finished) return;
  finished = true;
  pusher.disconnect();
  // Exit once everything written has reached the pipe: a large record may still be queued.
  process.stdout.write(JSON.stringify({ t: 'end' }) + '\n', () => process.exit(0));
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stop') finish();
});
setTimeout(() => {
  process.stdout.write(JSON.stringify({ t: 'timeout' }) + '\n');
  process.exit(2);
}, config.timeoutMs || 30000);

for (const action of config.actions) {
  if (action.when) await whenSeen(action.when, action.nth || 1);
  actions[action.do](action);
}
