// The dashboard's filters, mirrored in the page's query string so that a view can be shared.
export const FILTERS = [
  "since", "until", "event_type", "sub_event_type", "country", "admin1", "actor", "min_fatalities", "q", "bbox",
];
const EXTRA = ["sort", "event"];

export function fromLocation() {
  const search = new URLSearchParams(window.location.search);
  const state = { sort: "-event_date", event: "" };
  for (const key of [...FILTERS, ...EXTRA]) {
    if (search.get(key)) state[key] = search.get(key);
  }
  return state;
}

export function toLocation(state) {
  const search = new URLSearchParams();
  for (const key of [...FILTERS, ...EXTRA]) {
    if (state[key] && !(key === "sort" && state[key] === "-event_date")) search.set(key, state[key]);
  }
  const qs = search.toString();
  window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
}

export function filtersOf(state, { withDates = true } = {}) {
  const out = {};
  for (const key of FILTERS) {
    if (!withDates && (key === "since" || key === "until")) continue;
    if (state[key]) out[key] = state[key];
  }
  return out;
}
