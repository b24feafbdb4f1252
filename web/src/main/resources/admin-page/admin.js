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

let socket = null;
let previous = null;     // the last overview, for rates
let sessionsTimer = null;

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
}

function showDashboard(user) {
  $('login-view').hidden = true;
  $('dashboard').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = user;
  connect();
  loadSessions();
  sessionsTimer = setInterval(loadSessions, 2000);
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
    list.insertBefore(li, list.firstChild);
  });
  while (list.children.length > 100) list.removeChild(list.lastChild);
  previous = o;
}

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
      all.addEventListener('click', () => act('users/' + encodeURIComponent(s.user) + '/disconnect', 'user ' + s.user));
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(all);
    }
    const tr = row([s.node, s.product, s.user || '–', s.id, time(s.openedAt), s.subscriptions.join(', '), s.queuedFrames, actions]);
    tr.dataset.sessionId = s.id;
    tr.dataset.user = s.user || '';
    tbody.appendChild(tr);
  });
}

$('sessions-filter').addEventListener('input', () => loadSessions());

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
