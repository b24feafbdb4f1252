// The benchmark's subscribers: one Node process holds every subscriber socket of a scenario (ws package).
// node subscribers.js '<config>'   (or the config as the first line on stdin), config is one JSON object:
//   url, headers ({} by default), count, concurrency (handshakes at once, 64), subscribe (the frame to send),
//   waitFor (optional: send subscribe after a frame of this type, e.g. Herald's "connected"; else on open),
//   confirm (the type that confirms a subscribe), event (the event name), timestampField ("timestamp"),
//   expected (events to wait for), timeoutMs (after ready, 120000), openTimeoutMs (per socket, 30000).
// stdout: {"ready":true,"opened":N} once every socket is confirmed (or failed: opened < count), then one
// {"received","firstAt","lastAt","p50","p99","p999","max","closed"} line when `expected` events arrived,
// timeoutMs passed or a line `stop` came on stdin. Latency = Date.now() - the frame's timestamp, whole ms;
// firstAt/lastAt are Date.now() of the first and last event, closed the subscribed sockets that closed early.
'use strict';
const readline = require('readline');
const WebSocket = require('ws');

const BUCKETS = 60000; // one per ms; the last one also holds everything slower
const histogram = new Uint32Array(BUCKETS + 1);
const sockets = [];
let config;
let received = 0, timed = 0, firstAt = -1, lastAt = -1, max = -1, closed = 0, failures = 0;
let ready = false, finished = false;

function timestampMillis(value) {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value; // epoch seconds or milliseconds
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function record(frame) {
  const now = Date.now();
  const latency = now - timestampMillis(frame[config.timestampField]);
  if (!Number.isNaN(latency)) {
    const ms = Math.max(0, Math.round(latency)); // a timestamp rounded into the future counts as 0 ms
    histogram[Math.min(ms, BUCKETS)]++;
    timed++;
    if (ms > max) max = ms;
  }
  received++;
  if (firstAt < 0) firstAt = now;
  lastAt = now;
  if (ready && received >= config.expected) finish();
}

/** Opens one socket and subscribes it; resolves true once confirmed, false if it failed or timed out. */
function openOne() {
  return new Promise((resolve) => {
    const ws = new WebSocket(config.url, { headers: config.headers, perMessageDeflate: false, handshakeTimeout: config.openTimeoutMs });
    let subscribed = false;
    const timer = setTimeout(() => ws.terminate(), config.openTimeoutMs);
    ws.on('open', () => { if (!config.waitFor) ws.send(config.subscribe); });
    ws.on('message', (data) => {
      let frame;
      try { frame = JSON.parse(data); } catch { return; }
      if (frame.event === config.event || frame.type === config.event) {
        if (subscribed) record(frame);
      } else if (!subscribed && frame.type === config.confirm) {
        subscribed = true;
        clearTimeout(timer);
        sockets.push(ws);
        resolve(true);
      } else if (!subscribed && config.waitFor && frame.type === config.waitFor) {
        ws.send(config.subscribe);
      }
    });
    ws.on('error', (e) => {
      if (++failures <= 5) console.error(`subscribers: ${config.url}: ${e.message}`);
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      if (!subscribed) {
        if (++failures <= 5) console.error(`subscribers: ${config.url} closed before subscribed: ${code} ${reason}`);
        return resolve(false);
      }
      if (!finished && ++closed <= 5) console.error(`subscribers: a subscribed socket closed early: ${code} ${reason}`);
    });
  });
}

async function start() {
  config = { headers: {}, concurrency: 64, timestampField: 'timestamp', timeoutMs: 120000, openTimeoutMs: 30000, ...config };
  let next = 0, opened = 0;
  const worker = async () => {
    while (next < config.count && !finished) {
      next++;
      if (await openOne()) opened++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, config.count) }, worker));
  if (finished) return;
  ready = true;
  process.stdout.write(JSON.stringify({ ready: true, opened }) + '\n');
  setTimeout(finish, config.timeoutMs);
  if (received >= config.expected) finish();
}

function percentile(p) {
  if (timed === 0) return -1;
  const rank = Math.max(1, Math.ceil((timed * p) / 100));
  let seen = 0;
  for (let ms = 0; ms <= BUCKETS; ms++) {
    seen += histogram[ms];
    if (seen >= rank) return ms;
  }
  return BUCKETS;
}

function finish() {
  if (finished) return;
  finished = true;
  const result = { received, firstAt, lastAt, p50: percentile(50), p99: percentile(99), p999: percentile(99.9), max, closed };
  process.stdout.write(JSON.stringify(result) + '\n', () => {
    const closing = sockets.map((ws) => new Promise((done) => {
      if (ws.readyState === WebSocket.CLOSED) return done();
      ws.once('close', done);
      ws.close(1000);
    }));
    Promise.race([Promise.all(closing), new Promise((done) => setTimeout(done, 2000))]).then(() => process.exit(0));
  });
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (!config) {
    config = JSON.parse(line);
    start();
  } else if (line.trim() === 'stop') {
    finish();
  }
});
if (process.argv[2]) {
  config = JSON.parse(process.argv[2]);
  start();
}
