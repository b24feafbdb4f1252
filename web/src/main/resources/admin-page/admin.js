// Herald's admin page: plain JavaScript, no build step. Talks to /admin/api (JSON) and /admin/ws (an
// overview frame every second). State-changing requests carry X-Herald-Admin (see AdminAccess).
'use strict';

const api = (path, options = {}) => fetch('api/' + path, Object.assign({
  credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json', 'X-Herald-Admin': '1' }
}, options));

const $ = id => document.getElementById(id);
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
const row = cells => { const tr = el('tr'); cells.forEach(c => { const td = el('td'); if (c instanceof Node) td.appendChild(c); else td.textContent = c; tr.appendChild(td); }); return tr; };
const time = ms => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');

const clock = ms => { const t = time(ms); return t.slice(0, 10) === time(Date.now()).slice(0, 10) ? t.slice(11) : t; };
const bytes = n => n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KiB' : (n / 1048576).toFixed(1) + ' MiB';

let socket = null;
let previous = null;     // the last overview, for rates
let sessionsTimer = null;
let rejectedTimer = null;
const HISTORY_MS = 5 * 60 * 1000;
const history = new Map(); // node -> [{at, inRate, outRate}], from the overview frames, for the chart
const lastFigures = new Map(); // node -> its last figures that had a new 'at'
const COLORS = ['#1b6ac9', '#c9541b', '#1e7f3c', '#8a3ab9', '#b3261e', '#5b6b00'];

async function start() {
  const me = await api('me');
  if (me.ok) {
    showDashboard((await me.json()).user);
  } else {
    showLogin();
  }
}

function showLogin() {
  $('dashboard').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  $('login-view').hidden = false;
  if (socket) { socket.close(); socket = null; }
  if (sessionsTimer) { clearInterval(sessionsTimer); sessionsTimer = null; }
  if (rejectedTimer) { clearInterval(rejectedTimer); rejectedTimer = null; }
}

function showDashboard(user) {
  $('login-view').hidden = true;
  $('dashboard').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = user;
  connect();
  loadSessions();
  sessionsTimer = setInterval(loadSessions, 2000);
  loadRejected();
  rejectedTimer = setInterval(loadRejected, 5000);
}

$('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  $('login-error').textContent = '';
  const reply = await api('login', { method: 'POST', body: JSON.stringify({ user: $('login-user').value, password: $('login-password').value }) });
  const body = await reply.json().catch(() => ({}));
  if (reply.ok) {
    $('login-password').value = '';
    showDashboard(body.user);
  } else {
    $('login-error').textContent = body.message || ('Sign-in failed (' + reply.status + ')');
  }
});

$('logout').addEventListener('click', async () => {
  await api('logout', { method: 'POST' });
  showLogin();
});

function connect() {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + location.pathname.replace(/[^/]*$/, '') + 'ws';
  socket = new WebSocket(url);
  socket.onopen = () => { $('live').textContent = 'live'; $('live').className = 'badge'; };
  socket.onmessage = m => overview(JSON.parse(m.data));
  socket.onclose = e => {
    $('live').textContent = 'offline'; $('live').className = 'badge off';
    if (!$('dashboard').hidden && e.code !== 1008) { setTimeout(connect, 2000); }
    if (e.code === 1008) { showLogin(); }
  };
}

function rate(now, before, key) {
  if (!before) return '–';
  const seconds = (now.at - before.at) / 1000;
  return seconds > 0 ? ((now[key] - before[key]) / seconds).toFixed(1) : '–';
}

function overview(o) {
  $('node').textContent = 'node ' + o.node;
  const before = {};
  if (previous) previous.nodes.forEach(n => { before[n.node] = n; });
  const nodes = $('nodes').tBodies[0]; nodes.replaceChildren();
  const products = $('products').tBodies[0]; products.replaceChildren();
  const channels = $('channels').tBodies[0]; channels.replaceChildren();
  o.nodes.forEach(n => {
    const b = before[n.node];
    nodes.appendChild(row([n.node, n.delivery, n.sessionsTotal, rate(n, b, 'eventsFromTopic'), rate(n, b, 'deliveries'),
      n.eventsFromTopic, n.deliveries, n.duplicatesDropped, time(n.at)]));
    Object.entries(n.products).forEach(([name, p]) => {
      const bp = b && b.products[name] ? Object.assign({ at: b.at }, b.products[name]) : null;
      const refused = Object.values(p.handshakesRefused).reduce((a, x) => a + x, 0);
      const subscriptions = Object.values(p.subscriptions).reduce((a, x) => a + x, 0);
      const tr = row([n.node, name, p.sessions, subscriptions, p.handshakesAccepted + ' / ' + refused,
        rate(Object.assign({ at: n.at }, p), bp, 'deliveries'), p.slowClientsClosed, p.errorsAnswered,
        p.queueMax + ' / ' + p.queueSum, p.latencyMs.p50 + ' / ' + p.latencyMs.p99 + ' / ' + p.latencyMs.max]);
      tr.dataset.product = name;
      products.appendChild(tr);
      Object.entries(p.subscriptions).forEach(([channel, count]) => {
        const c = row([name, channel, count]); c.dataset.channel = channel; channels.appendChild(c);
      });
    });
  });
  if (o.outbox.error) {
    $('outbox').textContent = o.outbox.error;
  } else {
    $('outbox').textContent = o.outbox.unpublished + (o.outbox.unpublished ? ', oldest ' + o.outbox.oldestAgeSeconds + ' s' : '');
  }
  const list = $('events');
  o.events.forEach(e => {
    const li = el('li', time(e.at) + '  ' + e.product + '  ' + e.type + '  #' + e.id + '  → ' + e.sessions + ' session(s)  [' + e.routingKeys.join(', ') + ']');
    li.dataset.type = e.type;
    li.dataset.product = e.product;
    li.dataset.seq = e.seq;
    li.tabIndex = 0;
    li.setAttribute('role', 'button');
    li.addEventListener('click', () => showEvent(li, e));
    li.addEventListener('keydown', k => { if (k.key === 'Enter' || k.key === ' ') { k.preventDefault(); showEvent(li, e); } });
    list.insertBefore(li, list.firstChild);
  });
  while (list.children.length > 100) list.removeChild(list.lastChild);
  record(o);
  previous = o;
}

// The rate chart: each node's events in and deliveries per second, from the overview frames' counters.
function record(o) {
  o.nodes.forEach(n => {
    const before = lastFigures.get(n.node);
    if (before && n.at > before.at) {
      const seconds = (n.at - before.at) / 1000;
      const points = history.get(n.node) || [];
      points.push({ at: n.at, inRate: Math.max(0, (n.eventsFromTopic - before.eventsFromTopic) / seconds),
        outRate: Math.max(0, (n.deliveries - before.deliveries) / seconds) });
      while (points.length && points[0].at < n.at - HISTORY_MS) points.shift();
      history.set(n.node, points);
    }
    if (!before || n.at > before.at) lastFigures.set(n.node, { at: n.at, eventsFromTopic: n.eventsFromTopic, deliveries: n.deliveries });
  });
  drawChart(o.at);
}

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attributes, text) => {
  const e = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
};

function drawChart(now) {
  const box = $('rate-chart');
  const width = Math.max(300, box.clientWidth || 600), height = 160, left = 44, bottom = 18, top = 8;
  let max = 1;
  history.forEach(points => points.forEach(p => { max = Math.max(max, p.inRate, p.outRate); }));
  max = niceCeiling(max);
  const x = at => left + (width - left - 4) * (1 - (now - at) / HISTORY_MS);
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', role: 'img', 'aria-label': 'rates per node' });
  [0, 0.5, 1].forEach(f => {
    chart.appendChild(svg('line', { x1: left, x2: width - 4, y1: y(max * f), y2: y(max * f), class: 'axis' }));
    chart.appendChild(svg('text', { x: left - 6, y: y(max * f) + 4, 'text-anchor': 'end' }, formatRate(max * f)));
  });
  chart.appendChild(svg('text', { x: left, y: height - 4 }, '−5 min'));
  chart.appendChild(svg('text', { x: width - 4, y: height - 4, 'text-anchor': 'end' }, 'now'));
  const legend = $('rate-legend');
  legend.replaceChildren();
  [...history.keys()].sort().forEach((node, i) => {
    const color = COLORS[i % COLORS.length];
    const points = history.get(node);
    const line = key => points.map(p => x(p.at).toFixed(1) + ',' + y(p[key]).toFixed(1)).join(' ');
    if (points.length > 1) {
      chart.appendChild(svg('polyline', { points: line('inRate'), fill: 'none', stroke: color, 'stroke-width': 1.5 }));
      chart.appendChild(svg('polyline', { points: line('outRate'), fill: 'none', stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
    }
    const last = points[points.length - 1];
    const item = el('li', node + (last ? ': ' + formatRate(last.inRate) + ' in /s, ' + formatRate(last.outRate) + ' deliveries /s' : ''));
    item.style.setProperty('--swatch', color);
    item.dataset.node = node;
    legend.appendChild(item);
  });
  box.replaceChildren(chart);
}

function niceCeiling(v) {
  const power = Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 5, 10].map(m => m * power).find(c => c >= v);
}

const formatRate = v => v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2).replace(/\.?0+$/, '') || '0';

// An event's data, fetched when clicked, shown as text.
async function showEvent(li, e) {
  document.querySelectorAll('#events li.selected').forEach(x => x.classList.remove('selected'));
  li.classList.add('selected');
  $('event-view').hidden = false;
  $('event-title').textContent = e.product + ' ' + e.type + (e.id ? ' #' + e.id : ' (ephemeral)');
  $('event-json').textContent = 'loading…';
  const reply = await api('events/' + encodeURIComponent(e.seq));
  if (reply.status === 401) { showLogin(); return; }
  const body = await reply.json().catch(() => ({}));
  $('event-json').textContent = reply.ok ? JSON.stringify(body, null, 2) : (body.message || ('HTTP ' + reply.status));
}

$('event-close').addEventListener('click', () => {
  $('event-view').hidden = true;
  document.querySelectorAll('#events li.selected').forEach(x => x.classList.remove('selected'));
});

async function loadSessions() {
  const q = encodeURIComponent($('sessions-filter').value.trim());
  const reply = await api('sessions' + (q ? '?q=' + q : ''));
  if (reply.status === 401) { showLogin(); return; }
  if (!reply.ok) return;
  const body = await reply.json();
  $('sessions-count').textContent = body.listed + ' listed of ' + body.total;
  const tbody = $('sessions').tBodies[0]; tbody.replaceChildren();
  body.sessions.forEach(s => {
    const actions = el('span');
    const one = el('button', 'Disconnect', 'danger disconnect-session');
    one.addEventListener('click', () => act('sessions/' + encodeURIComponent(s.id) + '/disconnect', 'session ' + s.id));
    actions.appendChild(one);
    if (s.user) {
      const all = el('button', 'Disconnect user', 'danger disconnect-user');
      all.addEventListener('click', () => confirmThen('Disconnect user “' + s.user + '” of ' + s.product + '? Every connection of this user is closed, in any product, on every node.',
        () => act('users/' + encodeURIComponent(s.user) + '/disconnect', 'user ' + s.user)));
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(all);
    }
    const known = s.framesSent !== undefined;
    const address = el('span', s.remoteAddress || '–', 'remote-address');
    const tr = row([s.node, s.product, s.user || '–', s.id, address, clock(s.openedAt), known ? clock(s.lastActivityAt) : '–',
      s.subscriptions.join(', '), s.queuedFrames,
      known ? s.framesSent + ' frames, ' + bytes(s.bytesSent) : '–', known ? s.framesReceived + ' frames, ' + bytes(s.bytesReceived) : '–', actions]);
    // long ids and subscription lists are cut, whole in their tooltip; times show the date in theirs
    [3, 7].forEach(i => { tr.children[i].className = 'cut'; tr.children[i].title = tr.children[i].textContent; });
    tr.children[5].title = time(s.openedAt);
    if (known) tr.children[6].title = time(s.lastActivityAt);
    tr.dataset.sessionId = s.id;
    tr.dataset.user = s.user || '';
    tbody.appendChild(tr);
  });
}

$('sessions-filter').addEventListener('input', () => loadSessions());

// A confirmation before an action: Cancel (or Escape) does nothing.
let confirmed = null;
function confirmThen(text, action) {
  $('confirm-text').textContent = text;
  confirmed = action;
  $('confirm').showModal();
}
$('confirm-ok').addEventListener('click', () => { const action = confirmed; confirmed = null; $('confirm').close(); if (action) action(); });
$('confirm-cancel').addEventListener('click', () => { confirmed = null; $('confirm').close(); });
$('confirm').addEventListener('close', () => { confirmed = null; });

// The test event: the body of POST /api/events, sent to its admin-page twin with the page's sign-in.
$('publish-form').addEventListener('submit', async e => {
  e.preventDefault();
  const result = $('publish-result');
  result.className = '';
  let data;
  try {
    data = JSON.parse($('publish-data').value || '{}');
  } catch (problem) {
    result.className = 'error'; result.textContent = 'Data is not JSON: ' + problem.message; return;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    result.className = 'error'; result.textContent = 'Data must be a JSON object'; return;
  }
  const body = { product: $('publish-product').value, type: $('publish-type').value.trim(),
    routing_keys: $('publish-keys').value.split(/[\s,]+/).filter(k => k), data, durable: $('publish-durable').checked };
  const reply = await api('events', { method: 'POST', body: JSON.stringify(body) });
  if (reply.status === 401) { showLogin(); return; }
  const answer = await reply.json().catch(() => ({}));
  if (reply.ok) {
    result.textContent = 'Accepted (' + reply.status + ', ' + (answer.durable ? 'durable' : 'ephemeral') + '): ' + JSON.stringify(answer);
  } else {
    result.className = 'error';
    result.textContent = 'Refused (' + reply.status + '): ' + (answer.message || JSON.stringify(answer));
  }
});

// What this node's ingest listener moved to herald.ingest.dead.
async function loadRejected() {
  const reply = await api('ingest/rejected');
  if (reply.status === 401) { showLogin(); return; }
  if (!reply.ok) return;
  const body = await reply.json();
  $('rejected-node').textContent = '(node ' + body.node + ')';
  $('rejected-count').textContent = body.count + (body.count > body.latest.length ? ', the last ' + body.latest.length + ' below' : '');
  const tbody = $('rejected').tBodies[0]; tbody.replaceChildren();
  body.latest.forEach(r => {
    const text = r.body === null ? '(no text)' : r.body + (r.truncated ? ' …' : '');
    const tr = row([time(r.at), r.reason, r.messageId || '–', text]);
    tr.lastChild.className = 'cut';
    tr.lastChild.title = text;
    tbody.appendChild(tr);
  });
}

async function act(path, what) {
  const reply = await api(path, { method: 'POST' });
  const body = await reply.json().catch(() => ({}));
  $('action-result').textContent = reply.ok ? 'Disconnected ' + what + ' (' + body.closedOnThisNode + ' on this node; other nodes told)' : (body.message || reply.status);
  setTimeout(loadSessions, 300);
}

$('notice-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = { message: $('notice-message').value };
  if ($('notice-start').value.trim()) body.startTime = $('notice-start').value.trim();
  if ($('notice-end').value.trim()) body.endTime = $('notice-end').value.trim();
  const reply = await api('notice', { method: 'POST', body: JSON.stringify(body) });
  const answer = await reply.json().catch(() => ({}));
  $('notice-result').textContent = reply.ok ? 'Sent: ' + answer.message + ' (' + answer.startTime + ' – ' + answer.endTime + ')' : (answer.message || reply.status);
});

start();
