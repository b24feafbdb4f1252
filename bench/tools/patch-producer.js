// node patch-producer.js <port> <session cookie> <events>: two producers PATCH commerce orders 1 and 2 as fast as answers come (bench/tools/burst-jfr.sh)
const [port, cookie, total] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
require('./fast-producers')({ port, total, expect: 200, request: (seq, producer) => ({
  path: '/commerce/api/orders/' + (producer + 1), method: 'PATCH', headers: { Cookie: cookie },
  body: JSON.stringify({ total: 2000 + seq + 0.25 }) }) });
