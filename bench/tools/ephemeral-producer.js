// node ephemeral-producer.js <port> <admin token> <events>: two producers POST ephemeral commerce events to /api/events as fast as answers come (bench/tools/request-cost.sh)
const http = require('http');
const [port, token, total] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
let sent = 0, done = 0, bad = 0;
function one() {
  if (sent >= total) return;
  const seq = sent++;
  const body = JSON.stringify({product:'commerce', type:'order:updated', routing_keys:['commerce:order_changes'], durable:false,
    data:{id: seq, status:'processing', total: 2000 + seq + 0.25, customer_id: 1, items:[{product_id:1, quantity:2, price:10.5}]}});
  const req = http.request({ port, host: '127.0.0.1', path: '/api/events', method: 'POST', agent,
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
    res.resume(); res.on('end', () => { if (res.statusCode !== 202) bad++; if (++done === total) { console.log('published', total, 'bad', bad); agent.destroy(); } else one(); });
  });
  req.end(body);
}
one(); one();
