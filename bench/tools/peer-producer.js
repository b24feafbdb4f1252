// node peer-producer.js <port> <events>: two producers POST order-like events to the Node peer's /publish as fast as answers come (bench/tools/cpu-split.sh)
const http = require('http');
const [port, total] = [Number(process.argv[2]), Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
let sent = 0, done = 0;
function one() {
  if (sent >= total) return;
  const seq = sent++; const now = new Date().toISOString();
  const body = JSON.stringify({id: seq, order_number: 'ORD-' + (100000 + seq), status: 'processing', payment_status: 'paid', customer_id: 1, currency: 'USD', total: 2000 + seq + 0.25, created_at: now, updated_at: now, changed_fields: {total: 2000 + seq + 0.25}});
  const req = http.request({ port, host: '127.0.0.1', path: '/publish', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
    res.resume(); res.on('end', () => { if (++done === total) { console.log('published', total); agent.destroy(); } else one(); });
  });
  req.end(body);
}
one(); one();
