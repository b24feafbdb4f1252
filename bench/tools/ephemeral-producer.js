// node ephemeral-producer.js <port> <admin token> <events>: two producers POST ephemeral commerce events to /api/events as fast as answers come (bench/tools/request-cost.sh)
const [port, token, total] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
require('./fast-producers')({ port, total, expect: 202, request: (seq) => ({
  path: '/api/events', method: 'POST', headers: { Authorization: 'Bearer ' + token },
  body: JSON.stringify({ product: 'commerce', type: 'order:updated', routing_keys: ['commerce:order_changes'], durable: false,
    data: { id: seq, status: 'processing', total: 2000 + seq + 0.25, customer_id: 1, items: [{ product_id: 1, quantity: 2, price: 10.5 }] } }) }) });
