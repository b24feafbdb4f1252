// node peer-producer.js <port> <events>: two producers POST order-like events to the Node peer's /publish as fast as answers come (bench/tools/cpu-split.sh)
const [port, total] = [Number(process.argv[2]), Number(process.argv[3])];
require('./fast-producers')({ port, total, expect: 202, request: (seq) => {
  const now = new Date().toISOString();
  return { path: '/publish', method: 'POST', headers: {},
    body: JSON.stringify({ id: seq, order_number: 'ORD-' + (100000 + seq), status: 'processing', payment_status: 'paid', customer_id: 1,
      currency: 'USD', total: 2000 + seq + 0.25, created_at: now, updated_at: now, changed_fields: { total: 2000 + seq + 0.25 } }) };
} });
