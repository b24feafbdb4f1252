// node patch-producer.js <port> <session cookie> <events>: two producers PATCH commerce orders 1 and 2 as fast as answers come (bench/tools/burst-jfr.sh)
const http = require('http');
const [port, cookie, total] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
let sent = 0, done = 0, bad = 0;
function one(order) {
  if (sent >= total) return;
  const seq = sent++;
  const body = JSON.stringify({ total: 2000 + seq + 0.25 });
  const req = http.request({ port, host: '127.0.0.1', path: '/commerce/api/orders/' + order, method: 'PATCH', agent,
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
    res.resume(); res.on('end', () => { if (res.statusCode !== 200) bad++; if (++done === total) { console.log('published', total, 'bad', bad); agent.destroy(); } else one(order); });
  });
  req.end(body);
}
one(1); one(2);
