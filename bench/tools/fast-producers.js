// Two producers that send requests as fast as the answers come, for the bench/tools scripts: each sends its next
// request when the last one's answer has been read. Prints "published <total> bad <n>" once every answer is in
// (bad: an answer other than `expect`).
//   request(seq, producer) -> { path, method, headers, body }
const http = require('http');

module.exports = function fastProducers({ port, total, expect, request }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  let sent = 0, done = 0, bad = 0;
  function one(producer) {
    if (sent >= total) return;
    const { path, method, headers, body } = request(sent++, producer);
    const req = http.request({ port, host: '127.0.0.1', path, method, agent,
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== expect) bad++;
        if (++done === total) { console.log('published', total, 'bad', bad); agent.destroy(); } else one(producer);
      });
    });
    req.end(body);
  }
  one(0); one(1);
};
