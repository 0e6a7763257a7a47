// pusher-js 8.6.0 over the HTTP fallbacks (xhr_streaming, xhr_polling) against the pusherj test server:
// proves the server's wire format for docs/protocol.md §11. A separate file, so a separate Node process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PusherClient, PusherServer, children, cli, waitFor } from './helpers.mjs';

for (const transport of ['xhr_streaming', 'xhr_polling']) {
  test(`pusher-js connects to the pusherj test server over ${transport} and receives an event`, async (t) => {
    t.after(() => children.forEach((c) => c.kill()));
    const server = cli(['serve', '--port', '0', '--seconds', '60']);
    const firstLine = await waitFor('the server to start', () => server.lines[0], server, 'line');
    const port = Number(/:(\d+)$/.exec(firstLine)[1]);

    const client = new PusherClient('app-key', {
      cluster: 'mt1', wsHost: '127.0.0.1', wsPort: port, httpHost: '127.0.0.1', httpPort: port,
      forceTLS: false, enabledTransports: [transport],
    });
    t.after(() => client.disconnect());
    const channel = client.subscribe('fallback');
    await new Promise((resolve, reject) => {
      channel.bind('pusher:subscription_succeeded', resolve);
      client.connection.bind('failed', () => reject(new Error('pusher-js failed')));
    });
    assert.equal(client.connection.state, 'connected');
    const got = new Promise((resolve) => channel.bind('story', resolve));
    const rest = new PusherServer({ appId: 'app-id', key: 'app-key', secret: 'app-secret', host: '127.0.0.1', port, useTLS: false });
    await rest.trigger('fallback', 'story', { via: transport });
    assert.deepEqual(await got, { via: transport });
  });
}
