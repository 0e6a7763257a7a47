// Compatibility of pusherj with the reference implementations, over 127.0.0.1 only:
//  - pusher-js 8.6.0 (the reference client) against pusherj's test server (`pusherj serve`): proves the
//    server speaks the real wire format that pusherj's own tests rely on;
//  - pusher 5.3.4 (the reference server library) signing HTTP API calls to the test server: proves
//    the REST signature check (and the CLI's `trigger`, which uses the same code) matches Pusher's;
//  - pusherj's CLI `listen` and `trigger` side by side with them: the JSON-lines contract.
// Every process is bounded (--seconds) and killed at the end.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const PusherClient = require('pusher-js');
export const PusherServer = require('pusher');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modulePath = `${root}/pusher-cli/target/pusher-cli.jar:${root}/pusher-cli/target/lib`;
export const children = [];

export function cli(args) {
  const child = spawn('java', ['-p', modulePath, '-m', 'io.pusherj.cli/io.pusherj.cli.Main', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.lines = [];
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      child.lines.push(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      child.emit('line');
    }
  });
  child.stderrText = '';
  child.stderr.on('data', (chunk) => { child.stderrText += chunk; });
  child.done = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return child;
}

export function waitFor(what, check, emitter, event, ms = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { emitter.off(event, tryIt); reject(new Error(`timed out waiting for ${what}`)); }, ms);
    function tryIt() {
      const v = check();
      if (v) { clearTimeout(timer); emitter.off(event, tryIt); resolve(v); }
    }
    emitter.on(event, tryIt);
    tryIt();
  });
}

