// The reference peer: a minimal WebSocket fan-out server on the ws package, as a Node user would write it.
// node server.js <port>   WebSocket /ws: {"type":"subscribe","channel":…} -> {"type":"subscribed","channel":…}
// POST /publish <data>: sends {"event":"order:updated","data":<data>,"timestamp":<now>} to every subscriber.
// GET /stats: {"rss","heapUsed","connections"}.
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 8090);
const subscribers = new Set();
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    if (global.gc) global.gc();
    const m = process.memoryUsage();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, connections: wss.clients.size }));
  }
  if (req.method !== 'POST' || req.url !== '/publish') {
    res.writeHead(404);
    return res.end();
  }
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const frame = JSON.stringify({ event: 'order:updated', data: JSON.parse(body), timestamp: new Date().toISOString() });
    for (const ws of subscribers) ws.send(frame);
    res.writeHead(202, { 'Content-Type': 'application/json' });
    res.end('{"accepted":true}');
  });
});
const wss = new WebSocketServer({ server, path: '/ws' });
wss.on('connection', (ws) => {
  ws.on('message', (text) => {
    const message = JSON.parse(text);
    if (message.type === 'subscribe') {
      subscribers.add(ws);
      ws.send(JSON.stringify({ type: 'subscribed', channel: message.channel }));
    }
  });
  ws.on('close', () => subscribers.delete(ws));
});
server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
