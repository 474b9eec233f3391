// sitrep dashboard: filters (also in the query string) → stats, map points, table; click an
// event (map or table) for its panel. Everything comes from this server's /api; nothing else.
import { getJSON, getPoints, queryString } from "./api.js";
import { colorOf, el } from "./colors.js";
import { EventMap } from "./map.js";
import { renderEvent } from "./panel.js";
import { filtersOf, fromLocation, toLocation } from "./state.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const PAGE = 100;
const INPUTS = ["since", "until", "event_type", "sub_event_type", "country", "admin1", "actor", "min_fatalities"];
const $ = (id) => document.getElementById(id);

const state = fromLocation();
let generation = 0;
let cursor = null;
let options = null; // facet values of the whole store, for the selects
let started = performance.now();
performance.mark("sitrep:start");

function setStatus(text, error = false) {
  const node = $("summary");
  node.textContent = text;
  node.classList.toggle("error", error);
}

function fillSelect(select, values, current) {
  const keep = current || "";
  select.replaceChildren(el("option", { value: "" }, "All"));
  for (const [value, label] of values) select.append(el("option", { value }, label));
  if (keep && !values.some(([v]) => v === keep)) select.append(el("option", { value: keep }, keep));
  select.value = keep;
}

function fillOptions() {
  if (!options) return;
  const types = [...new Set(options.by_type.map((t) => t.event_type))].sort();
  fillSelect($("f-event_type"), types.map((t) => [t, t]), state.event_type);
  const subs = options.by_type.filter((t) => !state.event_type || t.event_type === state.event_type).map((t) => t.sub_event_type);
  fillSelect($("f-sub_event_type"), [...new Set(subs)].sort().map((t) => [t, t]), state.sub_event_type);
  fillSelect($("f-country"), options.by_country.map((c) => [c.iso3 || c.country, `${c.country} (${c.events})`]), state.country);
  const regions = options.by_admin1.filter((r) => !state.country || r.iso3 === state.country || r.country === state.country);
  fillSelect($("f-admin1"), regions.map((r) => [r.admin1, `${r.admin1}, ${r.iso3}`]), state.admin1);
  $("actors").replaceChildren(...options.top_actors.map((a) => el("option", { value: a.actor })));
}

function facetList(list, rows, label, onPick, color) {
  list.replaceChildren(
    ...rows.slice(0, 12).map((row) =>
      el(
        "li",
        { onclick: () => onPick(row), title: `${label(row)}: ${row.events} events, ${row.fatalities} fatalities` },
        color ? el("span", { class: "swatch", style: `background:${color(row)}` }) : null,
        el("span", { class: "name" }, label(row)),
        el("span", { class: "n" }, row.events.toLocaleString()),
      ),
    ),
  );
}

function renderFacets(stats) {
  const byType = new Map();
  for (const row of stats.by_type) {
    const cell = byType.get(row.event_type) || { event_type: row.event_type, events: 0, fatalities: 0 };
    cell.events += row.events;
    cell.fatalities += row.fatalities;
    byType.set(row.event_type, cell);
  }
  facetList($("facet-types"), [...byType.values()].sort((a, b) => b.events - a.events), (r) => r.event_type,
    (r) => update({ event_type: r.event_type, sub_event_type: "" }), (r) => colorOf(r.event_type));
  facetList($("facet-countries"), stats.by_country, (r) => r.country || r.iso3, (r) => update({ country: r.iso3 || r.country, admin1: "" }));
  facetList($("facet-actors"), stats.top_actors, (r) => r.actor, (r) => update({ actor: r.actor }));
}

function exportLinks() {
  const qs = queryString({ ...filtersOf(state), sort: state.sort });
  $("export-csv").href = `/api/events?format=csv&${qs}`;
  $("export-geojson").href = `/api/events?format=geojson&${qs}`;
}

async function refresh({ points = true } = {}) {
  const mine = ++generation;
  toLocation(state);
  exportLinks();
  fillOptions();
  table.setSort(state.sort);
  const filters = filtersOf(state);
  const { bbox, ...mapFilters } = filters; // the map shows what is around the view too
  const undated = filtersOf(state, { withDates: false });
  setStatus("Loading…");
  try {
    // The points first: the largest answer, and the map's index is built from it.
    const [located, stats, timeline, page] = await Promise.all([
      points ? getPoints(mapFilters) : null,
      getJSON("/api/stats", filters),
      state.since || state.until ? getJSON("/api/stats", { ...undated, top: 1 }) : null,
      getJSON("/api/events", { ...filters, sort: state.sort, limit: PAGE }),
    ]);
    if (mine !== generation) return;
    performance.mark("sitrep:data");
    const total = stats.events.toLocaleString();
    setStatus(`${total} events · ${stats.fatalities.toLocaleString()} fatalities${stats.first_date ? ` · ${stats.first_date} to ${stats.last_date}` : ""}`);
    timelineView.render((timeline || stats).timeline, state.since, state.until);
    renderFacets(stats);
    cursor = page.next_cursor;
    table.render(page.events, cursor);
    table.select(state.event);
    if (located) map.setPoints(located);
    if (started !== null) {
      performance.mark("sitrep:drawn");
      document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
      started = null;
    }
    document.body.dataset.ready = String(mine);
  } catch (error) {
    if (mine === generation) setStatus(`Could not load events: ${error.message}`, true);
  }
}

async function more() {
  if (!cursor) return;
  const page = await getJSON("/api/events", { ...filtersOf(state), sort: state.sort, limit: PAGE, cursor });
  cursor = page.next_cursor;
  table.render(page.events, cursor, { append: true });
}

async function showEvent(id) {
  state.event = id || "";
  toLocation(state);
  table.select(state.event);
  const panel = $("panel");
  if (!id) {
    panel.hidden = true;
    map.select(null);
    return;
  }
  try {
    const detail = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    renderEvent($("panel-body"), detail);
    panel.hidden = false;
    panel.dataset.event = id;
    map.select(detail.event);
    setTimeout(() => map.map.invalidateSize(), 0);
  } catch (error) {
    $("panel-body").replaceChildren(el("p", { class: "error" }, `Could not load the event: ${error.message}`));
    panel.hidden = false;
  }
}

function update(changes, opts) {
  Object.assign(state, changes);
  for (const name of INPUTS) $(`f-${name}`).value = state[name] || "";
  $("q").value = state.q || "";
  refresh(opts);
}

function readInputs() {
  const changes = {};
  for (const name of INPUTS) changes[name] = $(`f-${name}`).value.trim();
  if (changes.event_type !== state.event_type) changes.sub_event_type = "";
  if (changes.country !== state.country) changes.admin1 = "";
  update(changes);
}

const map = new EventMap($("map"), {
  onSelect: showEvent,
  onMove: () => {
    if (!$("f-in-view").checked) return;
    clearTimeout(map.moveTimer);
    map.moveTimer = setTimeout(() => update({ bbox: map.bbox().map((v) => v.toFixed(3)).join(",") }, { points: false }), 300);
  },
});
const table = new EventTable($("events"), $("more"), { onSelect: showEvent, onSort: (sort) => update({ sort }), onMore: more });
const timelineView = new Timeline($("histogram"), (since, until) => update({ since: since || "", until: until || "" }));

for (const name of INPUTS) $(`f-${name}`).addEventListener("change", readInputs);
$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  update({ q: $("q").value.trim() });
});
$("f-in-view").checked = Boolean(state.bbox);
$("f-in-view").addEventListener("change", () => {
  update({ bbox: $("f-in-view").checked ? map.bbox().map((v) => v.toFixed(3)).join(",") : "" }, { points: false });
});
$("clear").addEventListener("click", () => {
  $("f-in-view").checked = false;
  update({ since: "", until: "", event_type: "", sub_event_type: "", country: "", admin1: "", actor: "", min_fatalities: "", q: "", bbox: "" });
});
$("panel-close").addEventListener("click", () => showEvent(""));

async function start() {
  for (const name of INPUTS) $(`f-${name}`).value = state[name] || "";
  $("q").value = state.q || "";
  // The store's facet values (for the selects) load alongside the first view.
  const first = refresh();
  const loading = getJSON("/api/stats", { top: 200 })
    .then((all) => {
      options = all;
      fillOptions();
    })
    .catch((error) => setStatus(`Could not load events: ${error.message}`, true));
  await Promise.all([first, loading]);
  if (state.event) showEvent(state.event);
}

start();
