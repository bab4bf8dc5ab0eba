"use strict";
// The novasim console: what it shows it reads through the same APIs and control plane any client uses, with the
// session's token in X-Auth-Token; what changes is pushed to it by the simulator's event stream (server-sent events,
// the session's cookie authenticating the stream), so nothing is polled.

const view = {token: null, project: null, servers: new Map(), ports: new Map(), volumes: new Map(), media: []};
const reloads = new Map(); // what is reloaded soon, by name: several events in a row cost one request

async function call(method, path, headers) {
  const answer = await fetch(path, {method, headers: Object.assign({"X-Auth-Token": view.token,
    "Accept": "application/json"}, headers || {})});
  if (answer.status === 401) {
    window.location.reload(); // the session ended: the page answers with the login form
    throw new Error("logged out");
  }
  return answer.status === 204 ? null : answer.json();
}

function text(value) {
  return value === null || value === undefined || value === "" ? "-" : String(value);
}

function row(cells, id) {
  const tr = document.createElement("tr");
  tr.dataset.id = id;
  cells.forEach(([value, kind]) => {
    const td = document.createElement("td");
    td.textContent = text(value);
    if (kind) {
      td.className = kind;
    }
    tr.appendChild(td);
  });
  return tr;
}

function fill(table, rows, changedId) {
  const body = document.querySelector("#" + table + " tbody");
  body.replaceChildren(...rows);
  if (changedId) {
    const changed = body.querySelector("tr[data-id='" + CSS.escape(changedId) + "']");
    if (changed) {
      changed.classList.add("changed");
    }
  }
}

function renderServers(changedId) {
  fill("servers", [...view.servers.values()].map(s => row([[s.name], [s.status], [s.vm_state], [s.task_state],
    [s.power_state], [s.locked ? "yes" : "no"], [s.project, "id"]], s.id)), changedId);
}

function renderPorts(changedId) {
  fill("ports", [...view.ports.values()].map(p => row([[p.name || p.id, p.name ? null : "id"], [p.status],
    [serverName(p.device_id), "id"], [p.device_owner],
    [(p.fixed_ips || []).map(ip => ip.ip_address).join(", ")]], p.id)), changedId);
}

function renderVolumes(changedId) {
  fill("volumes", [...view.volumes.values()].map(v => row([[v.name || v.id], [v.status],
    [(v.attachments || []).map(a => serverName(a.server_id)).join(", ")]], v.id)), changedId);
}

function renderMedia() {
  fill("media", view.media.map(m => row([[serverName(m.serverId)], [m.imageId, "id"],
    [String(m.status).toLowerCase()]], m.serverId + "/" + m.imageId)));
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

async function loadServers() {
  const answer = await call("GET", "/v2.1/servers/detail?all_tenants=1", NOVA);
  view.servers = new Map(answer.servers.map(s => [s.id, server(s)]));
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
  document.getElementById("clock").textContent = state.now;
  renderMedia();
}

async function loadAll() {
  await loadServers();
  await Promise.all([loadPorts(), loadVolumes(), loadMediaAndClock()]);
}

function reloadSoon(name, load) {
  if (!reloads.has(name)) {
    reloads.set(name, setTimeout(() => {
      reloads.delete(name);
      load();
    }, 100));
  }
}

async function apply(event) {
  document.getElementById("clock").textContent = event.at || document.getElementById("clock").textContent;
  switch (event.type) {
    case "resync":
      reloadSoon("all", loadAll);
      break;
    case "ServerChanged": {
      const known = view.servers.get(event.server_id);
      if (known) {
        Object.assign(known, {status: event.status, vm_state: event.vm_state, task_state: event.task_state,
          power_state: event.power_state});
        renderServers(event.server_id);
      } else {
        const answer = await call("GET", "/v2.1/servers/" + event.server_id, NOVA);
        view.servers.set(event.server_id, server(answer.server));
        renderServers(event.server_id);
        renderPorts(); // they name their device by the server's name
        renderVolumes();
        renderMedia();
      }
      break;
    }
    case "ServerRemoved":
      view.servers.delete(event.server_id);
      renderServers();
      break;
    case "ResourceChanged":
      if (event.event.kind === "port") {
        if (event.event.state === "deleted") {
          view.ports.delete(event.event.id);
          renderPorts();
        } else {
          const answer = await call("GET", "/network/v2.0/ports/" + event.event.id);
          view.ports.set(event.event.id, answer.port);
          renderPorts(event.event.id);
        }
      } else if (event.event.kind === "volume" && view.volumes.has(event.event.id)
          && event.event.state !== "deleted") {
        view.volumes.get(event.event.id).status = event.event.state;
        renderVolumes(event.event.id);
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
  stream.addEventListener("sim", message => {
    apply(JSON.parse(message.data)).catch(error => console.error(error));
  });
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
  await loadAll();
  follow();
}

start();
