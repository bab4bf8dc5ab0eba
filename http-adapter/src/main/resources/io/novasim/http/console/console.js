"use strict";
// The novasim console: what it shows it reads through the same APIs and control plane any client uses, with the
// session's token in X-Auth-Token; what changes is pushed to it by the simulator's event stream (server-sent events,
// the session's cookie authenticating the stream), so nothing is polled.

const view = {token: null, project: null, servers: new Map(), ports: new Map(), volumes: new Map(), media: [],
  rules: [], fired: new Map(), journal: [], snapshot: null, selected: null};
const JOURNAL_SHOWN = 50;
const reloads = new Map(); // what is reloaded soon, by name: several events in a row cost one request

async function send(method, path, body, headers) {
  const options = {method, headers: Object.assign({"X-Auth-Token": view.token, "Accept": "application/json"},
    headers || {})};
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const answer = await fetch(path, options);
  if (answer.status === 401) {
    window.location.reload(); // the session ended: the page answers with the login form
    throw new Error("logged out");
  }
  return {status: answer.status, body: answer.status === 204 ? null : await answer.json().catch(() => null)};
}

async function call(method, path, headers) {
  return (await send(method, path, undefined, headers)).body;
}

function text(value) {
  return value === null || value === undefined || value === "" ? "-" : String(value);
}

/** A cell's text and class, rewritten only where they differ: the browser then redraws only what changed. */
function setCell(td, [value, kind]) {
  const shown = text(value);
  if (td.firstChild === null) {
    td.appendChild(document.createTextNode(shown));
  } else if (td.firstChild.nodeValue !== shown) {
    td.firstChild.nodeValue = shown;
  }
  if (td.className !== (kind || "")) {
    td.className = kind || "";
  }
}

/**
 * Shows a table's rows, each {id, cells: [[value, class]...], extra(tr)}: a row already shown is kept, and only its
 * changed cells are rewritten (rebuilding a thousand rows for one change cost the page a second of layout); new rows
 * are made, with what extra adds to them (a button), and rows no longer listed go.
 */
function fill(table, rows, changedId) {
  const body = document.querySelector("#" + table + " tbody");
  const shown = new Map([...body.children].map(tr => [tr.dataset.id, tr]));
  let next = body.firstChild;
  rows.forEach(({id, cells, extra}) => {
    let tr = shown.get(id);
    if (tr) {
      shown.delete(id);
      cells.forEach((cell, i) => setCell(tr.children[i], cell));
    } else {
      tr = document.createElement("tr");
      tr.dataset.id = id;
      cells.forEach(cell => setCell(tr.appendChild(document.createElement("td")), cell));
      if (extra) {
        extra(tr);
      }
    }
    if (tr === next) {
      next = tr.nextSibling;
    } else {
      body.insertBefore(tr, next);
    }
  });
  shown.forEach(tr => tr.remove());
  body.querySelectorAll("tr.changed").forEach(tr => tr.classList.remove("changed"));
  const changed = changedId && body.querySelector("tr[data-id='" + CSS.escape(changedId) + "']");
  if (changed) {
    changed.classList.add("changed");
  }
}

const dirty = new Map(); // table -> the row that changed last, drawn at the next frame

/**
 * Draws a table soon: a thousand servers changing state cost one drawing every few milliseconds, not one each. (A
 * timer, not an animation frame: a page in the background gets no frames, and a console left open there must keep up.)
 */
function renderSoon(table, changedId) {
  const first = dirty.size === 0;
  dirty.set(table, changedId || dirty.get(table) || null);
  if (first) {
    setTimeout(() => {
      const tables = [...dirty.entries()];
      dirty.clear();
      tables.forEach(([name, changed]) => RENDERERS[name](changed));
    }, 30);
  }
}

function renderServers(changedId) {
  fill("servers", [...view.servers.values()].map(s => ({id: s.id, cells: [[s.name], [s.status], [s.vm_state],
    [s.task_state], [powerState(s.power_state)], [s.locked ? "yes" : "no"], [s.project, "id"]], extra: tr => {
    const choose = document.createElement("button");
    choose.type = "button";
    choose.className = "select";
    choose.textContent = "select";
    choose.setAttribute("aria-label", "select the server " + s.name);
    choose.addEventListener("click", () => select(s.id));
    tr.firstChild.append(" ", choose);
  }})), changedId);
  renderMachine();
  if (view.selected && view.servers.has(view.selected)) {
    const s = view.servers.get(view.selected);
    document.getElementById("selected-state").textContent = "status " + s.status + ", vm_state " + s.vm_state
      + ", task_state " + text(s.task_state) + ", power_state " + powerState(s.power_state) + (s.locked ? ", locked" : "");
  }
}

const RENDERERS = {servers: changed => renderServers(changed), ports: changed => renderPorts(changed),
  volumes: changed => renderVolumes(changed), media: () => renderMedia()};

// ---------------------------------------------------------------- the vm_state machine

const SVG = "http://www.w3.org/2000/svg";

function svg(name, attributes) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes || {}).forEach(([key, value]) => element.setAttribute(key, value));
  return element;
}

/** The machine's states on a circle, an arrow per pair of states an operation moves between. */
async function loadMachine() {
  const machine = await call("GET", "/__sim/v1/machine");
  const states = machine.vm_states;
  const size = 560;
  const centre = size / 2;
  const radius = size / 2 - 60;
  const at = new Map(states.map((state, i) => {
    const angle = 2 * Math.PI * i / states.length - Math.PI / 2;
    return [state, [centre + radius * Math.cos(angle), centre + radius * Math.sin(angle)]];
  }));
  const drawing = svg("svg", {width: size, height: size, viewBox: "0 0 " + size + " " + size, role: "img",
    "aria-label": "the vm_state machine"});
  drawing.appendChild(svg("defs")).appendChild(svg("marker", {id: "arrowhead", viewBox: "0 0 10 10", refX: 10,
    refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto"})).appendChild(svg("path", {d: "M0,0L10,5L0,10z",
    fill: "#868e96"}));
  const labels = new Map();
  machine.edges.filter(e => e.from !== "*" && e.from !== e.to && at.has(e.to)).forEach(e => {
    const key = e.from + ">" + e.to;
    labels.set(key, (labels.get(key) || []).concat(e.label));
  });
  labels.forEach((names, key) => {
    const [from, to] = key.split(">");
    const [x1, y1] = at.get(from);
    const [x2, y2] = at.get(to);
    const length = Math.hypot(x2 - x1, y2 - y1);
    const shorten = 28 / length;
    const line = svg("line", {x1: x1 + (x2 - x1) * shorten, y1: y1 + (y2 - y1) * shorten,
      x2: x2 - (x2 - x1) * shorten, y2: y2 - (y2 - y1) * shorten, "marker-end": "url(#arrowhead)"});
    line.appendChild(svg("title")).textContent = from + " \u2192 " + to + ": " + names.join("; ");
    drawing.appendChild(line);
  });
  states.forEach(state => {
    const [x, y] = at.get(state);
    const group = svg("g", {class: "state", "data-state": state});
    group.appendChild(svg("rect", {x: x - 55, y: y - 16, width: 110, height: 32, rx: 6}));
    const name = svg("text", {x, y: y - 1, "text-anchor": "middle"});
    name.textContent = state;
    const count = svg("text", {x, y: y + 12, "text-anchor": "middle", class: "count"});
    group.append(name, count);
    drawing.appendChild(group);
  });
  document.getElementById("machine").replaceChildren(drawing);
  renderMachine();
}

/** How many servers each state holds, and which is the selected server's. */
function renderMachine() {
  const counts = new Map();
  view.servers.forEach(s => counts.set(s.vm_state, (counts.get(s.vm_state) || 0) + 1));
  const selected = view.selected && view.servers.get(view.selected);
  document.querySelectorAll("#machine .state").forEach(group => {
    const n = counts.get(group.dataset.state) || 0;
    group.classList.toggle("here", n > 0);
    group.classList.toggle("selected", Boolean(selected && selected.vm_state === group.dataset.state));
    group.querySelector(".count").textContent = n === 0 ? "" : n + (n === 1 ? " server" : " servers");
  });
}

// ---------------------------------------------------------------- a selected server and its operations

/** The request a client sends for each operation, as `novasim explain` shows it; the console sends it as is. */
function requestFor(operation, server) {
  const base = "/v2.1/servers/" + server;
  const action = body => ({method: "POST", path: base + "/action", body});
  const volume = document.getElementById("target-volume").value;
  const port = document.getElementById("target-port").value;
  const image = document.getElementById("target-image").value;
  switch (operation) {
    case "stop": return action({"os-stop": null});
    case "start": return action({"os-start": null});
    case "reboot-soft": return action({reboot: {type: "SOFT"}});
    case "reboot-hard": return action({reboot: {type: "HARD"}});
    case "shelve-offload": return action({shelveOffload: null});
    case "pause": case "unpause": case "suspend": case "resume": case "rescue": case "unrescue": case "shelve":
    case "unshelve": case "lock": case "unlock": return action({[operation]: null});
    case "delete": return {method: "DELETE", path: base};
    case "attach-volume": return {method: "POST", path: base + "/os-volume_attachments",
      body: {volumeAttachment: {volumeId: volume}}};
    case "detach-volume": return {method: "DELETE", path: base + "/os-volume_attachments/" + volume};
    case "attach-interface": return {method: "POST", path: base + "/os-interface",
      body: {interfaceAttachment: {port_id: port}}};
    case "detach-interface": return {method: "DELETE", path: base + "/os-interface/" + port};
    case "media-attach": return action({"media-attach": {imageRef: image}});
    case "media-detach": return action({"media-detach": {imageRef: image}});
    default: return null; // needs more than its targets (a flavor, an image, a host): see `novasim explain`
  }
}

async function select(serverId) {
  view.selected = serverId;
  document.getElementById("selected").hidden = false;
  document.getElementById("selected-name").textContent = serverName(serverId);
  const volumes = document.getElementById("target-volume");
  volumes.replaceChildren(...[...view.volumes.values()].map(v => new Option(v.name || v.id, v.id)));
  const ports = document.getElementById("target-port");
  ports.replaceChildren(...[...view.ports.values()].map(p => new Option((p.name || p.id) + " (" + p.status + ")",
    p.id)));
  renderServers();
  await loadGates();
}

async function loadGates() {
  if (!view.selected) {
    return;
  }
  const answer = await send("GET", "/__sim/v1/servers/" + view.selected + "/operations");
  if (answer.status !== 200) {
    document.getElementById("selected").hidden = true;
    view.selected = null;
    return;
  }
  const accepted = document.getElementById("accepted");
  accepted.replaceChildren(...answer.body.operations.filter(g => g.accepted && requestFor(g.operation, "x"))
    .map(g => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = g.operation;
      button.dataset.operation = g.operation;
      button.addEventListener("click", () => operate(g.operation));
      return button;
    }));
  document.getElementById("refused").replaceChildren(...answer.body.operations.filter(g => !g.accepted).map(g => {
    const li = document.createElement("li");
    li.textContent = g.operation + ": " + g.refusal;
    return li;
  }));
}

async function operate(operation) {
  const request = requestFor(operation, view.selected);
  const answer = await send(request.method, request.path, request.body, NOVA);
  document.getElementById("exchange").textContent = request.method + " " + request.path
    + (request.body ? "\n" + JSON.stringify(request.body) : "") + "\n\n\u2192 " + answer.status
    + (answer.body ? "\n" + JSON.stringify(answer.body) : "");
  await loadGates();
}

/** Whether a server is locked, from the API (only that: its states come by the stream, newer than any read). */
async function loadLock(serverId) {
  const answer = await send("GET", "/v2.1/servers/" + serverId, undefined, NOVA);
  const known = view.servers.get(serverId);
  if (answer.status === 200 && known) {
    known.locked = answer.body.server.locked;
    renderSoon("servers", serverId);
    if (serverId === view.selected) {
      reloadSoon("gates", loadGates); // lock and unlock trade places
    }
  }
}

function renderPorts(changedId) {
  fill("ports", [...view.ports.values()].map(p => ({id: p.id, cells: [[p.name || p.id, p.name ? null : "id"],
    [p.status], [serverName(p.device_id), "id"], [p.device_owner],
    [(p.fixed_ips || []).map(ip => ip.ip_address).join(", ")]]})), changedId);
}

function renderVolumes(changedId) {
  fill("volumes", [...view.volumes.values()].map(v => ({id: v.id, cells: [[v.name || v.id], [v.status],
    [(v.attachments || []).map(a => serverName(a.server_id)).join(", ")]]})), changedId);
}

function renderMedia() {
  fill("media", view.media.map(m => ({id: m.server_id + "/" + m.image_id, cells: [[serverName(m.server_id)],
    [m.image_id, "id"], [String(m.status).toLowerCase()]]})));
}

/** Nova's power_state codes (nova/compute/power_state.py), which the API gives as bare numbers. */
const POWER_STATES = {0: "nostate", 1: "running", 3: "paused", 4: "shutdown", 6: "crashed", 7: "suspended"};

function powerState(code) {
  return code === null || code === undefined ? null : code + " " + (POWER_STATES[code] || "");
}

function serverName(id) {
  const server = id && view.servers.get(id);
  return server ? server.name : id;
}

function server(s) {
  return {id: s.id, name: s.name, status: s.status, vm_state: s["OS-EXT-STS:vm_state"],
    task_state: s["OS-EXT-STS:task_state"], power_state: s["OS-EXT-STS:power_state"], locked: s.locked,
    project: s.tenant_id};
}

const NOVA = {"X-OpenStack-Nova-API-Version": "2.9"}; // 2.9 shows whether a server is locked

/** What the stream said of servers while a list of them was read: one array per read under way. */
const serverReads = new Set();

/** Server list reads, one after the other: an older answer must never land after a newer one. */
let serversRead = Promise.resolve();

function loadServers() {
  serversRead = serversRead.catch(() => null).then(readServers);
  return serversRead;
}

async function readServers() {
  const seen = [];
  serverReads.add(seen);
  let answer;
  try {
    answer = await call("GET", "/v2.1/servers/detail?all_tenants=1", NOVA);
  } finally {
    serverReads.delete(seen);
  }
  const servers = new Map(answer.servers.map(s => [s.id, server(s)]));
  // The list may be older than a change the stream brought while it was read: apply those again, in order.
  seen.forEach(change => {
    const known = servers.get(change.server_id);
    if (change.type === "ServerRemoved") {
      servers.delete(change.server_id);
    } else if (change.type === "Executed") {
      reloadSoon("lock " + change.server_id, () => loadLock(change.server_id)); // after the list: it may be older
    } else if (known) {
      Object.assign(known, {status: change.status, vm_state: change.vm_state, task_state: change.task_state,
        power_state: change.power_state});
    }
  });
  view.servers = servers;
  renderServers();
}

async function loadPorts() {
  const answer = await call("GET", "/network/v2.0/ports");
  view.ports = new Map(answer.ports.map(p => [p.id, p]));
  renderPorts();
}

async function loadVolumes() {
  const answer = await call("GET", "/volume/v3/" + view.project + "/volumes/detail?all_tenants=1");
  view.volumes = new Map(answer.volumes.map(v => [v.id, v]));
  renderVolumes();
}

async function loadMediaAndClock() {
  const state = await call("GET", "/__sim/v1/state");
  view.media = state.media;
  showTime(state.now);
  renderMedia();
}

async function loadFaults() {
  const [rules, fired] = await Promise.all([call("GET", "/__sim/v1/faults"), call("GET", "/__sim/v1/faults/fired")]);
  view.rules = rules.rules;
  view.fired = new Map();
  fired.fired.forEach(f => view.fired.set(f.rule_id, (view.fired.get(f.rule_id) || 0) + 1));
  renderFaults();
}

function describeEffect(effect) {
  return Object.entries(effect).filter(([, value]) => value !== null)
    .map(([key, value]) => key + " " + (typeof value === "object" ? "(" + describeEffect(value) + ")" : value))
    .join(", ");
}

function describeTrigger(trigger) {
  const parts = [];
  if (trigger.after) {
    parts.push("after " + trigger.after);
  }
  parts.push(trigger.times === -1 ? "every time" : trigger.times + " time" + (trigger.times === 1 ? "" : "s"));
  if (trigger.probability < 1) {
    parts.push("probability " + trigger.probability);
  }
  if (trigger.rate) {
    parts.push("over " + trigger.rate.calls + " call" + (trigger.rate.calls === 1 ? "" : "s") + " per "
      + trigger.rate.per + " s per project");
  }
  if (trigger.window) {
    parts.push("from " + trigger.window.from + (trigger.window.until ? " until " + trigger.window.until : "")
      + (trigger.window.ramp ? ", ramping up" : ""));
  }
  return parts.join(", ");
}

function renderFaults() {
  fill("faults", view.rules.map(rule => {
    const fired = view.fired.get(rule.id) || 0;
    const left = rule.trigger.times === -1 ? "" : " (" + Math.max(0, rule.trigger.times - fired) + " left)";
    return {id: rule.id, cells: [[rule.id], [rule.match.operations.join(", ") || "any"],
      [describeEffect(rule.effect)], [describeTrigger(rule.trigger)], [fired + left]], extra: tr => {
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "remove";
      remove.setAttribute("aria-label", "remove the rule " + rule.id);
      remove.addEventListener("click", async () => {
        await send("DELETE", "/__sim/v1/faults/" + encodeURIComponent(rule.id));
        await loadFaults();
      });
      tr.appendChild(document.createElement("td")).appendChild(remove);
    }};
  }));
}

async function loadJournal() {
  const answer = await call("GET", "/__sim/v1/requests");
  answer.requests.forEach(journaled);
  renderJournal();
}

/** Keeps a journaled request once, in order: the stream and a reload may both bring it. */
function journaled(request) {
  if (!view.journal.some(known => known.sequence === request.sequence)) {
    view.journal.push(request);
    view.journal.sort((a, b) => a.sequence - b.sequence);
    view.journal = view.journal.slice(-JOURNAL_SHOWN);
  }
}

function renderJournal() {
  fill("journal", view.journal.slice().reverse().map(r => ({id: String(r.sequence), cells: [[r.sequence],
    [r.virtual_time], [(r.user_name || "-") + " / " + (r.project_name || "-")],
    [r.method + " " + r.path + (r.query ? "?" + r.query : "") + (r.body ? " " + r.body : ""), "request"],
    [r.status], [r.refusal ? (r.refusal_id ? "[" + r.refusal_id + "] " : "") + r.refusal
      : r.fault ? "fault " + r.fault : "", "refused"]]})));
}

/** The timeline, drawn by the simulator as an SVG document, put in the page as the drawing it is. */
async function loadTimeline() {
  const answer = await fetch("/__sim/v1/timeline", {headers: {"X-Auth-Token": view.token}});
  if (answer.status !== 200) {
    return;
  }
  const drawing = new DOMParser().parseFromString(await answer.text(), "image/svg+xml").documentElement;
  document.getElementById("timeline").replaceChildren(document.importNode(drawing, true));
}

/**
 * Draws the timeline again after a change, at most once a second: the simulator draws it from its whole event log and
 * journal, more work than any other read, and a second is as fine as its pixels are on a long run.
 */
function timelineSoon() {
  reloadSoon("timeline", loadTimeline, 1000);
}

async function loadAll() {
  await loadServers();
  await Promise.all([loadPorts(), loadVolumes(), loadMediaAndClock(), loadFaults(), loadJournal(), loadTimeline(),
    call("GET", "/__sim/v1/clock").then(showClock)]);
}

async function control(path, body) {
  const shown = document.getElementById("control-result");
  const answer = await send("POST", "/__sim/v1/" + path, body);
  shown.textContent = answer.status >= 400 ? "refused: " + JSON.stringify(answer.body)
    : "virtual time " + answer.body.now + (answer.body.advanced_seconds !== undefined
      ? " (" + answer.body.advanced_seconds + " s later)" : "");
  if (answer.body && answer.body.now) {
    showClock(answer.body);
  }
  timelineSoon(); // its axis runs to now
}

/**
 * Shows a virtual time the simulator told; while its clock follows the wall clock, the page counts on from it each
 * second (a guess between two events, corrected by the next).
 */
function showTime(now) {
  shownTime = {virtual: Date.parse(now), wall: performance.now()};
  document.getElementById("clock").textContent = now;
}

let shownTime = null;

setInterval(() => {
  if (running && shownTime) {
    const guess = shownTime.virtual + (performance.now() - shownTime.wall) * running.speed;
    document.getElementById("clock").textContent = new Date(guess).toISOString().replace(".000Z", "Z");
  }
}, 1000);

/** How the clock runs, as the control plane last told it: null while it moves only when told. */
let running = null;

/** The clock as the control plane tells it: the time, and whether it follows the wall clock. */
function showClock(clock) {
  showTime(clock.now);
  if (clock.following === undefined) {
    return;
  }
  running = clock.following && clock.clock_speed > 0 ? {speed: clock.clock_speed} : null;
  const toggle = document.getElementById("follow");
  toggle.hidden = clock.clock_speed === 0; // it never runs by itself: nothing to pause
  toggle.textContent = clock.following ? "pause the clock" : "let the clock run";
  toggle.dataset.following = String(clock.following);
  document.getElementById("clock-mode").textContent = clock.mode === "client" ? "(follows the client's requests)"
    : clock.clock_speed === 0 ? "(moves only when told)"
    : clock.following ? "(follows the wall clock \u00d7" + clock.clock_speed + ")" : "(paused)";
}

function wireControls() {
  document.getElementById("advance-1").addEventListener("click", () => control("clock/advance", {seconds: 1}));
  document.getElementById("advance-10").addEventListener("click", () => control("clock/advance", {seconds: 10}));
  document.getElementById("advance-next").addEventListener("click", () => control("clock/next"));
  document.getElementById("run-until-idle").addEventListener("click", () => control("clock/run-until-idle"));
  const toggle = document.getElementById("follow");
  toggle.addEventListener("click", () => control(toggle.dataset.following === "true" ? "clock/pause"
    : "clock/resume"));
  document.getElementById("reset").addEventListener("click", () => control("reset"));
  document.getElementById("snapshot").addEventListener("click", async () => {
    const answer = await send("GET", "/__sim/v1/snapshot");
    view.snapshot = answer.body;
    document.getElementById("restore").disabled = false;
    document.getElementById("control-result").textContent = "snapshot taken at " + answer.body.now;
  });
  document.getElementById("restore").addEventListener("click", () => control("restore", view.snapshot));
  document.getElementById("fault-form").addEventListener("submit", addFault);
  document.getElementById("release").addEventListener("click", async () => {
    const answer = await send("POST", "/__sim/v1/servers/" + view.selected + "/release");
    document.getElementById("exchange").textContent = "POST /__sim/v1/servers/" + view.selected
      + "/release\n\n\u2192 " + answer.status + "\n" + JSON.stringify(answer.body);
  });
}

/** The control plane's refusal of a rule, shown next to the field it is about. */
const FIELD_OF = [[/^Unknown operation/, "fault-operations-error"], [/^effect\.type/, "fault-type-error"],
  [/^Invalid effect/, "fault-effect-error"], [/^Invalid trigger/, "fault-trigger-error"],
  [/^a fault rule named/, "fault-id-error"]];

async function addFault(event) {
  event.preventDefault();
  const form = event.target;
  document.querySelectorAll("#fault-form .error").forEach(e => { e.textContent = ""; });
  const effect = {type: form.type.value};
  if (form.type.value === "error" || form.type.value === "fail") {
    effect.code = Number(form.code.value);
    effect.message = form.message.value;
  } else if (form.type.value === "transport") {
    effect.fault = form.transport.value;
  } else if (form.seconds.value !== "") {
    effect.seconds = Number(form.seconds.value);
  }
  const rule = {match: {operations: form.operations.value.split(",").map(o => o.trim()).filter(o => o)},
    effect, trigger: {times: form.times.value === "" ? -1 : Number(form.times.value)}};
  if (form.startsIn.value !== "" || form.lasts.value !== "") { // a window on virtual time, from now
    rule.trigger.window = {};
    if (form.startsIn.value !== "") {
      rule.trigger.window.starts_in = Number(form.startsIn.value);
    }
    if (form.lasts.value !== "") {
      rule.trigger.window.lasts = Number(form.lasts.value);
    }
  }
  if (form.id.value.trim() !== "") {
    rule.id = form.id.value.trim();
  }
  const answer = await send("POST", "/__sim/v1/faults", rule);
  if (answer.status >= 400) {
    const fault = answer.body && Object.values(answer.body)[0];
    const message = (fault && fault.message) || ("the control plane answered " + answer.status);
    const field = FIELD_OF.find(([pattern]) => pattern.test(message));
    document.getElementById(field ? field[1] : "fault-error").textContent = message;
    return;
  }
  form.id.value = "";
  await loadFaults();
}

/**
 * Reads something again soon: several events in a row cost one read. One read of a name at a time, and another after
 * it when an event came while it ran, so that an older answer never overwrites a newer one.
 */
function reloadSoon(name, load, delay) {
  let entry = reloads.get(name);
  if (!entry) {
    entry = {timer: null, running: false, again: false};
    reloads.set(name, entry);
  }
  if (entry.running) {
    entry.again = true;
  } else if (entry.timer === null) {
    entry.timer = setTimeout(async () => {
      entry.timer = null;
      entry.running = true;
      try {
        await load();
      } catch (error) {
        console.error(error);
      } finally {
        entry.running = false;
        if (entry.again) {
          entry.again = false;
          reloadSoon(name, load, delay);
        }
      }
    }, delay || 100);
  }
}

/**
 * Applies one message of the stream. It never waits: the stream's messages are applied one after the other, in the
 * order they came, and what needs a read is read in the background (reloadSoon). (It once awaited a read for each
 * port, and a thousand servers' later changes overtook their earlier ones.)
 */
function apply(event) {
  if (event.at) {
    showTime(event.at);
  }
  if (event.type !== "resync" && event.type !== "Requests") {
    // Every engine event changes it. Requests alone do not redraw it: under a load of reads, a redraw a second
    // (the whole event log and journal drawn afresh) would cost the simulator more than the load's answers do; their
    // markers come with the next change.
    timelineSoon();
  }
  switch (event.type) {
    case "Batch":
      for (const one of event.events) {
        try {
          apply(one);
        } catch (error) {
          console.error(error); // one event that fails spoils not the others
        }
      }
      break;
    case "resync":
      view.journal = []; // a reset empties the journal too
      reloadSoon("all", loadAll);
      break;
    case "ClockChanged": // paused or let run, by this page or another client
      reloadSoon("clock", async () => showClock(await call("GET", "/__sim/v1/clock")));
      break;
    case "Requests":
      event.requests.forEach(journaled);
      renderJournal();
      break;
    case "FaultFired":
      view.fired.set(event.fault.rule_id, (view.fired.get(event.fault.rule_id) || 0) + 1);
      renderFaults();
      break;
    case "FaultPlanChanged":
      reloadSoon("faults", loadFaults);
      break;
    case "ServerChanged": {
      serverReads.forEach(seen => seen.push(event));
      const known = view.servers.get(event.server_id);
      if (known) {
        Object.assign(known, {status: event.status, vm_state: event.vm_state, task_state: event.task_state,
          power_state: event.power_state});
        renderSoon("servers", event.server_id);
        if (event.server_id === view.selected) {
          reloadSoon("gates", loadGates);
        }
      } else {
        // New servers come by the thousand (a multi-create): one list read for all of them.
        reloadSoon("servers", async () => {
          await loadServers();
          renderSoon("ports"); // they name their device by the server's name
          renderSoon("volumes");
          renderSoon("media");
        });
      }
      break;
    }
    case "Executed": {
      // A lock changes no state an event carries: read whether the server is locked now.
      const args = event.arguments || {};
      const locking = event.command === "LockServer"
        || (event.command === "Perform" && (args.operation === "LOCK" || args.operation === "UNLOCK"));
      if (!event.refusal && locking) {
        serverReads.forEach(seen => seen.push({type: "Executed", server_id: args.server_id}));
        if (view.servers.has(args.server_id)) {
          reloadSoon("lock " + args.server_id, () => loadLock(args.server_id));
        }
      }
      break;
    }
    case "ServerRemoved":
      serverReads.forEach(seen => seen.push(event));
      view.servers.delete(event.server_id);
      if (event.server_id === view.selected) {
        view.selected = null;
        document.getElementById("selected").hidden = true;
      }
      renderSoon("servers"); // a thousand deleted at once: one drawing
      break;
    case "ResourceChanged":
      if (event.event.kind === "port") {
        if (event.event.state === "deleted") {
          view.ports.delete(event.event.id);
          renderSoon("ports");
        } else {
          reloadSoon("ports", loadPorts); // a port's event says not all the table shows: read them
        }
      } else if (event.event.kind === "volume" && view.volumes.has(event.event.id)
          && event.event.state !== "deleted") {
        view.volumes.get(event.event.id).status = event.event.state;
        renderSoon("volumes", event.event.id);
        reloadSoon("volumes", loadVolumes); // its attachments too
      } else if (event.event.kind === "media") {
        reloadSoon("media", loadMediaAndClock);
      } else {
        reloadSoon("volumes", loadVolumes);
      }
      break;
    default:
      break;
  }
}

function follow() {
  const live = document.getElementById("live");
  const stream = new EventSource("/__sim/v1/stream");
  let opened = false;
  stream.addEventListener("open", () => {
    live.textContent = "live";
    live.className = "on";
    if (opened) {
      reloadSoon("all", loadAll); // reconnected: what happened meanwhile was not pushed
    }
    opened = true;
  });
  stream.addEventListener("error", () => {
    live.textContent = "reconnecting…";
    live.className = "off";
  });
  stream.addEventListener("sim", message => apply(JSON.parse(message.data)));
}

async function start() {
  const session = await fetch("/__sim/console/session");
  if (session.status !== 200) {
    window.location.reload();
    return;
  }
  const about = await session.json();
  view.token = about.token;
  view.project = about.project_id;
  document.getElementById("user").textContent = about.user;
  document.getElementById("logout").addEventListener("click", async () => {
    await fetch("/__sim/console/session", {method: "DELETE"});
    window.location.reload();
  });
  wireControls();
  follow(); // first, so that nothing that happens while the page reads is missed
  await loadMachine();
  await loadAll();
}

start();
