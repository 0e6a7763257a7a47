// Compatibility of pusherj's CLI and test server with the reference implementations over 127.0.0.1
// (pusher-js 8.6.0 and the pusher 5.3.4 library); see helpers.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { PusherClient, PusherServer, children, cli, waitFor } from './helpers.mjs';

test('pusher-js, the pusher library and the pusherj CLI interoperate through the pusherj test server', async (t) => {
  t.after(() => children.forEach((c) => c.kill()));

  const server = cli(['serve', '--port', '0', '--seconds', '60']);
  const firstLine = await waitFor('the server to start', () => server.lines[0], server, 'line');
  const port = Number(/:(\d+)$/.exec(firstLine)[1]);

  const listen = cli(['listen', '--key', 'app-key', '--ws-host', '127.0.0.1', '--ws-port', String(port),
    '--force-tls', 'false', '--channel', 'compat', '--seconds', '6']);

  const client = new PusherClient('app-key', {
    cluster: 'mt1', wsHost: '127.0.0.1', wsPort: port, forceTLS: false, enabledTransports: ['ws'],
  });
  t.after(() => client.disconnect());
  const received = [];
  const arrivals = new EventEmitter();
  const channel = client.subscribe('compat');
  const subscribed = new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve));
  channel.bind_global((event, data) => {
    if (!event.startsWith('pusher:')) {
      received.push({ event, data });
      arrivals.emit('event');
    }
  });

  await subscribed;
  await waitFor('the CLI to subscribe', () => listen.lines.some((l) => JSON.parse(l).type === 'subscribed'), listen, 'line');
  assert.equal(client.connection.state, 'connected');

  const rest = new PusherServer({ appId: 'app-id', key: 'app-key', secret: 'app-secret', host: '127.0.0.1', port, useTLS: false });
  const response = await rest.trigger('compat', 'from-node', { n: 1 });
  assert.equal(response.status, 200);

  const trigger = cli(['trigger', '--app-id', 'app-id', '--key', 'app-key', '--secret', 'app-secret',
    '--host', '127.0.0.1', '--port', String(port), '--channel', 'compat', '--event', 'from-java', '--data', '{"n":2}']);
  assert.equal(await trigger.done, 0, trigger.stderrText);

  const rejected = await new PusherServer({ appId: 'app-id', key: 'app-key', secret: 'wrong', host: '127.0.0.1', port, useTLS: false })
    .trigger('compat', 'never', {}).then(() => 'accepted', (e) => e.status);
  assert.equal(rejected, 401);

  await waitFor('pusher-js to get both events', () => received.length >= 2, arrivals, 'event');
  assert.deepEqual(received.map((e) => e.event).sort(), ['from-java', 'from-node']);
  assert.deepEqual(received.find((e) => e.event === 'from-node').data, { n: 1 });
  assert.deepEqual(received.find((e) => e.event === 'from-java').data, { n: 2 });

  assert.equal(await listen.done, 0, listen.stderrText);
  const lines = listen.lines.map((l) => JSON.parse(l));
  const events = lines.filter((l) => l.type === 'event' && !l.event.startsWith('pusher:'));
  assert.deepEqual(events.map((e) => [e.channel, e.event, e.data]).sort(),
    [['compat', 'from-java', { n: 2 }], ['compat', 'from-node', { n: 1 }]]);
  assert.deepEqual(lines.at(-1), { type: 'state', previous: 'connected', current: 'disconnected' });
});

test('private and presence channels: the reference signer authorizes pusherj, pusherj authorizes pusher-js', async (t) => {
  t.after(() => children.forEach((c) => c.kill()));
  const http = await import('node:http');

  const server = cli(['serve', '--port', '0', '--seconds', '60']);
  const firstLine = await waitFor('the server to start', () => server.lines[0], server, 'line');
  const port = Number(/:(\d+)$/.exec(firstLine)[1]);

  // An app server's auth endpoint written with the reference library (pusher 5.3.4).
  const signer = new PusherServer({ appId: 'app-id', key: 'app-key', secret: 'app-secret', host: '127.0.0.1', port, useTLS: false });
  const authRequests = [];
  const authServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      authRequests.push({ method: req.method, type: req.headers['content-type'], form: Object.fromEntries(form) });
      const channel = form.get('channel_name');
      const auth = channel.startsWith('presence-')
        ? signer.authorizeChannel(form.get('socket_id'), channel, { user_id: 'java-user', user_info: { name: 'Java' } })
        : signer.authorizeChannel(form.get('socket_id'), channel);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(auth));
    });
  });
  await new Promise((resolve) => authServer.listen(0, '127.0.0.1', resolve));
  t.after(() => authServer.close());
  const authUrl = `http://127.0.0.1:${authServer.address().port}/pusher/auth`;

  const listen = cli(['listen', '--key', 'app-key', '--ws-host', '127.0.0.1', '--ws-port', String(port),
    '--force-tls', 'false', '--auth-endpoint', authUrl, '--channel', 'private-compat', '--channel', 'presence-compat',
    '--seconds', '6']);
  const subscribed = (name) => listen.lines.some((l) => { const j = JSON.parse(l); return j.type === 'subscribed' && j.channel === name; });
  await waitFor('pusherj to subscribe with reference signatures', () => subscribed('private-compat') && subscribed('presence-compat'), listen, 'line');

  // pusherj's ajax request has the shape the reference endpoint code expects.
  assert.equal(authRequests[0].method, 'POST');
  assert.match(authRequests[0].type, /^application\/x-www-form-urlencoded/);
  assert.match(authRequests[0].form.socket_id, /^\d+\.\d+$/);

  // pusher-js authorizes through the pusherj test server's own endpoint, then joins presence.
  const client = new PusherClient('app-key', {
    cluster: 'mt1', wsHost: '127.0.0.1', wsPort: port, forceTLS: false, enabledTransports: ['ws'],
    channelAuthorization: { endpoint: `http://127.0.0.1:${port}/pusher/auth`, transport: 'ajax', params: { user_id: 'js-user' } },
  });
  t.after(() => client.disconnect());
  const presence = client.subscribe('presence-compat');
  await new Promise((resolve, reject) => {
    presence.bind('pusher:subscription_succeeded', resolve);
    presence.bind('pusher:subscription_error', (e) => reject(new Error(JSON.stringify(e))));
  });
  assert.deepEqual(Object.keys(presence.members.members).sort(), ['java-user', 'js-user']);
  assert.equal(presence.members.me.id, 'js-user');

  await waitFor('pusherj to see pusher-js join', () => listen.lines.some((l) => {
    const j = JSON.parse(l);
    return j.type === 'member_added' && j.user_id === 'js-user';
  }), listen, 'line');
  assert.equal(await listen.done, 0, listen.stderrText);
  const members = listen.lines.map((l) => JSON.parse(l)).find((l) => l.type === 'members');
  assert.deepEqual(members, { type: 'members', channel: 'presence-compat', count: 1, me: 'java-user' });
});

