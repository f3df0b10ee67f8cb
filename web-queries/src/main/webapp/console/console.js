// The operator console: GET /log/live (the log's status once a second) and GET /events (the log, live),
// both Server-Sent Events read through fetch, which, unlike EventSource, can send the bearer token.
'use strict';

const api = new URL('../api/', document.baseURI).href;
const WINDOW_MS = 5 * 60 * 1000; // the chart's span
const MAX_EVENTS = 100;
const COLOURS = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e'];
const COLLECTIONS = { account: 'accounts', cart: 'carts', order: 'orders', payment: 'payments', product: 'products' };
const DASHBOARD_MS = 5000; // the store's figures, read again at most this often, when the log has moved
const samples = new Map(); // projection -> [{at, lag}]
let dashboard = { head: -1, at: 0 };
let token = null;
let events = null; // the AbortController of the events stream

function $(id) { return document.getElementById(id); }

function say(text) { $('connection').textContent = text; }

function problem(text) { $('problem').textContent = text || ''; }

async function call(method, path) {
    const response = await fetch(api + path, { method, headers: { Authorization: 'Bearer ' + token } });
    if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(`${method} ${path}: ${response.status} ${body.detail || body.title || ''}`);
    }
    return response;
}

/**
 * Reads a Server-Sent Events stream: onOpen() once it is answered, onEvent({event, id, data}) for each
 * event; resolves when it ends.
 */
async function follow(path, onEvent, signal, onOpen = () => {}) {
    const response = await fetch(api + path, { headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' }, signal });
    if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        throw new Error(`GET ${path}: ${response.status} ${body.detail || body.title || ''}`);
    }
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value.replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message = { event: 'message', id: null, data: [] };
            for (const line of block.split('\n')) {
                if (line.startsWith(':')) continue; // a comment: subscribed, heartbeat
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                if (field === 'data') message.data.push(text);
                else if (field === 'event') message.event = text;
                else if (field === 'id') message.id = text;
            }
            if (message.data.length) onEvent({ ...message, data: message.data.join('\n') });
        }
    }
}

/** Follows a stream for as long as the page is open, starting again 2 s after it ends or fails. */
async function keep(name, open) {
    for (;;) {
        try {
            await open();
            say(`${name}: ended, reconnecting`);
        } catch (failure) {
            if (failure.name === 'AbortError') return;
            problem(failure.message);
            say(`${name}: ${failure.message.includes(': 401') ? 'token refused' : 'reconnecting'}`);
            if (failure.message.includes(': 401') || failure.message.includes(': 403')) return signIn();
        }
        await new Promise(resolve => setTimeout(resolve, 2000));
    }
}

function cell(row, text) {
    const td = row.insertCell();
    td.textContent = text;
    return td;
}

function button(label, description, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', description);
    b.addEventListener('click', async () => {
        b.disabled = true;
        try {
            await action();
            problem('');
        } catch (failure) {
            problem(failure.message);
        } finally {
            b.disabled = false;
        }
    });
    return b;
}

function showStatus(status) {
    say('live');
    problem('');
    $('head').textContent = status.head;
    $('published').textContent = status.published;
    $('leader').textContent = status.leader ? `${status.leader.instance} (term ${status.leader.term})` : 'none';
    const now = Date.now();
    const rows = $('projections');
    rows.replaceChildren();
    for (const [name, projection] of Object.entries(status.projections)) {
        const series = samples.get(name) || [];
        series.push({ at: now, lag: projection.lag });
        while (series.length && series[0].at < now - WINDOW_MS) series.shift();
        samples.set(name, series);
        const rebuild = (status.rebuilds || {})[name] || {};
        const row = rows.insertRow();
        row.id = 'projection-' + name;
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = name;
        row.appendChild(th);
        cell(row, projection.appliedPosition).className = 'applied';
        cell(row, projection.lag).className = 'lag';
        cell(row, projection.lagSeconds);
        cell(row, rebuild.state === 'rebuilding'
            ? `v${rebuild.version} rebuilding: ${rebuild.position} of ${rebuild.head}, ${Math.round(rebuild.eventsPerSecond || 0)}/s`
            : `v${rebuild.version || 1} ${rebuild.state || 'live'}`);
        cell(row, '').appendChild(button('Rebuild', 'Rebuild ' + name,
            () => call('POST', `log/projections/${encodeURIComponent(name)}/rebuild`)));
    }
    drawChart();
    if (status.head !== dashboard.head && Date.now() - dashboard.at >= DASHBOARD_MS) {
        dashboard = { head: status.head, at: Date.now() };
        showStore().catch(failure => problem(failure.message));
    }
    const parked = $('parked');
    parked.replaceChildren();
    $('parked-none').hidden = status.parked.length > 0;
    $('parked-table').hidden = status.parked.length === 0;
    for (const stream of status.parked) {
        const row = parked.insertRow();
        const path = ['log/parked', stream.reader, stream.streamType, stream.streamId].map(encodeURIComponent).join('/')
            .replace('log%2Fparked', 'log/parked');
        cell(row, stream.reader);
        cell(row, `${stream.streamType}/${stream.streamId}`);
        cell(row, `${stream.eventType} v${stream.version} at ${stream.position}`);
        cell(row, stream.error);
        const actions = cell(row, '');
        const what = `${stream.streamType}/${stream.streamId} for ${stream.reader}`;
        actions.appendChild(button('Retry', 'Retry ' + what, () => call('POST', path + '/retry')));
        actions.appendChild(button('Skip', 'Skip the parked event of ' + what, () => call('POST', path + '/skip')));
    }
}

function drawChart() {
    const svg = $('lag-chart');
    const width = 600, height = 160, now = Date.now();
    const all = [...samples.values()].flat();
    const top = Math.max(10, ...all.map(s => s.lag));
    const parts = [`<text x="4" y="12" class="legend">${top}</text><text x="4" y="${height - 4}" class="legend">0</text>`];
    let i = 0;
    for (const [name, series] of samples) {
        const colour = COLOURS[i % COLOURS.length];
        const points = series.map(s => `${((s.at - now + WINDOW_MS) / WINDOW_MS * width).toFixed(1)},`
            + `${(height - 4 - s.lag / top * (height - 20)).toFixed(1)}`).join(' ');
        parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points}"/>`);
        parts.push(`<text x="${width - 150}" y="${14 + 12 * i}" class="legend" fill="${colour}">${name}</text>`);
        i++;
    }
    svg.innerHTML = parts.join('');
    const latest = [...samples].map(([name, series]) => `${name} ${series.at(-1).lag}`).join(', ');
    $('lag-caption').textContent = `Lag in events, the last five minutes (now: ${latest})`;
}

async function showStore() {
    const [byStatus, daily] = await Promise.all([call('GET', 'sales/orders-by-status').then(r => r.json()),
        call('GET', 'sales/daily?from=' + new Date(Date.now() - 6 * 86400000).toISOString().slice(0, 10)).then(r => r.json())]);
    const statuses = $('by-status');
    statuses.replaceChildren();
    for (const item of byStatus.items) {
        const row = statuses.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = item.status;
        row.appendChild(th);
        cell(row, item.orders);
    }
    const days = $('daily');
    days.replaceChildren();
    for (const item of daily.items) {
        const row = days.insertRow();
        cell(row, item.day);
        cell(row, item.orders);
        cell(row, `${item.revenue} ${item.currency}`);
    }
}

/** A stream's events, each with its state as of it a click away; an order's timeline across streams. */
async function inspect(type, id) {
    $('inspect-type').value = type;
    $('inspect-id').value = id;
    const path = `${COLLECTIONS[type]}/${encodeURIComponent(id)}`;
    const list = $('stream-events');
    list.replaceChildren();
    $('stream-state').textContent = '';
    try {
        const page = await call('GET', `${path}/events?limit=500`).then(r => r.json());
        for (const event of page.items) {
            const item = document.createElement('li');
            item.append(`v${event.streamVersion} `, Object.assign(document.createElement('span'),
                { className: 'type', textContent: event.type }), ` at ${event.position}, ${event.recordedAt} `);
            item.appendChild(button('State', `State of ${type} ${id} as of version ${event.streamVersion}`, async () => {
                const asOf = await call('GET', `${path}?version=${event.streamVersion}`).then(r => r.json());
                $('stream-state').textContent = `as of version ${asOf.version} (position ${asOf.position})\n`
                    + JSON.stringify(asOf.state, null, 2);
            }));
            list.appendChild(item);
        }
        list.dataset.stream = `${type}/${id}`;
        const latest = await call('GET', path).then(r => r.json());
        $('stream-state').textContent = 'now\n' + JSON.stringify(latest, null, 2);
        $('timeline-part').hidden = type !== 'order';
        if (type === 'order') {
            const timeline = await call('GET', `${path}/timeline`).then(r => r.json());
            $('timeline').replaceChildren(...timeline.events.map(event => Object.assign(document.createElement('li'),
                { textContent: `${event.position} ${event.type} ${event.streamType}/${event.streamId} v${event.streamVersion}` })));
        }
        problem('');
    } catch (failure) {
        problem(failure.message);
    }
}

function showEvent(message) {
    const event = JSON.parse(message.data);
    const item = document.createElement('li');
    item.dataset.position = event.position;
    item.dataset.stream = `${event.streamType}/${event.streamId}`;
    const type = document.createElement('span');
    type.className = 'type';
    type.textContent = event.type;
    item.append(`${event.position} `, type, ` ${event.streamType}/${event.streamId} v${event.streamVersion} `
        + `${new Date(event.recordedAt).toLocaleTimeString()} `);
    if (COLLECTIONS[event.streamType]) {
        item.appendChild(button('Inspect', `Inspect ${event.streamType} ${event.streamId}`,
            () => inspect(event.streamType, event.streamId)));
    }
    const list = $('events');
    list.prepend(item);
    while (list.children.length > MAX_EVENTS) list.lastChild.remove();
}

function followEvents() {
    if (events) events.abort();
    events = new AbortController();
    const signal = events.signal;
    const query = new URLSearchParams();
    const type = $('filter-type').value.trim(), id = $('filter-id').value.trim();
    if (type) query.set('type', type);
    if (type && id) query.set('id', id);
    const list = $('events');
    list.replaceChildren();
    delete list.dataset.following;
    // the list says what it follows once the server has answered (a test waits for it)
    keep('events', () => follow('events?' + query, showEvent, signal,
        () => { list.dataset.following = query.toString() || 'all'; }));
}

/** The event catalogue (GET /asyncapi, open to anyone): a row per event type and schema version. */
async function showCatalogue() {
    const catalogue = await fetch(api + 'asyncapi').then(r => r.json());
    $('catalogue-topic').textContent = catalogue.channels.events.address;
    const rows = $('catalogue');
    rows.replaceChildren();
    for (const message of Object.values(catalogue.components.messages)) {
        const row = rows.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = message.name;
        row.appendChild(th);
        cell(row, message['x-schema-version']);
        cell(row, Object.entries(message.payload.properties)
            .map(([name, field]) => name + (field['x-personal'] ? '*' : '')).join(', '));
    }
}

function signIn() {
    sessionStorage.removeItem('zipper-token');
    $('sign-in').hidden = false;
    $('token').focus();
}

function start() {
    say('connecting');
    keep('log', () => follow('log/live', message => showStatus(JSON.parse(message.data))));
    followEvents();
}

document.addEventListener('DOMContentLoaded', () => {
    // a token given in the address's fragment (never sent to a server) is kept for this tab and taken out
    const given = new URLSearchParams(location.hash.slice(1)).get('token');
    if (given) {
        sessionStorage.setItem('zipper-token', given);
        history.replaceState(null, '', location.pathname);
    }
    token = sessionStorage.getItem('zipper-token');
    $('sign-in').addEventListener('submit', submitted => {
        submitted.preventDefault();
        token = $('token').value.trim();
        sessionStorage.setItem('zipper-token', token);
        $('sign-in').hidden = true;
        start();
    });
    $('inspect').addEventListener('submit', submitted => {
        submitted.preventDefault();
        inspect($('inspect-type').value, $('inspect-id').value.trim());
    });
    $('event-filter').addEventListener('submit', submitted => {
        submitted.preventDefault();
        followEvents();
    });
    showCatalogue().catch(failure => problem(failure.message));
    if (token) start(); else signIn();
});
