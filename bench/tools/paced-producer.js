// node paced-producer.js <port> <session cookie> <rate> <seconds>: PATCH commerce orders 1 and 2 at a fixed rate, 16 requests in flight at most (bench/tools/paced.sh)
const http = require('http');
const [port, cookie, rate, seconds] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const total = rate * seconds; let seq = 0, done = 0, bad = 0;
const timer = setInterval(() => {
  if (seq >= total) { clearInterval(timer); return; }
  const s = seq++;
  const body = JSON.stringify({ total: 1000 + s + 0.5 });
  const req = http.request({ port, host: '127.0.0.1', path: '/commerce/api/orders/' + ((s % 2) + 1), method: 'PATCH', agent,
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
    res.resume(); res.on('end', () => { if (res.statusCode !== 200) bad++; if (++done === total) { console.log('published', total, 'bad', bad); agent.destroy(); } });
  });
  req.end(body);
}, 1000 / rate);
