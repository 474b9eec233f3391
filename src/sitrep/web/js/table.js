// The events table: one row per event, sorted on the server (click a header), more rows on demand.
import { colorOf, el } from "./colors.js";

const place = (e) => [e.location, e.admin1, e.country].filter(Boolean).join(", ");

export class EventTable {
  constructor(table, more, { onSelect, onSort, onMore }) {
    this.table = table;
    this.body = table.querySelector("tbody");
    this.more = more;
    this.onSelect = onSelect;
    more.addEventListener("click", onMore);
    for (const th of table.querySelectorAll("th[data-sort]")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        const current = th.getAttribute("aria-sort");
        onSort(current === "descending" ? key : `-${key}`);
      });
    }
  }

  setSort(sort) {
    const key = sort.replace(/^-/, "");
    for (const th of this.table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === key) th.setAttribute("aria-sort", sort.startsWith("-") ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }
  }

  render(events, nextCursor, { append = false } = {}) {
    if (!append) this.body.replaceChildren();
    for (const e of events) {
      const row = el(
        "tr",
        { "data-id": e.id, "data-type": e.event_type, onclick: () => this.onSelect(e.id) },
        el("td", {}, e.event_date),
        el("td", { title: e.event_type }, el("span", { class: "type-dot", style: `background:${colorOf(e.event_type)}` }), e.sub_event_type),
        el("td", { title: e.actor1 }, e.actor1),
        el("td", { title: e.actor2 }, e.actor2),
        el("td", { title: place(e) }, place(e)),
        el("td", { class: "num" }, e.fatalities),
        el("td", { class: "num" }, Number(e.confidence).toFixed(2)),
      );
      this.body.append(row);
    }
    if (!append && !events.length) this.body.append(el("tr", {}, el("td", { colspan: 7 }, "No events match these filters.")));
    this.more.hidden = !nextCursor;
    this.table.dataset.rows = String(this.body.querySelectorAll("tr[data-id]").length);
  }

  select(id) {
    for (const row of this.body.querySelectorAll("tr.selected")) row.classList.remove("selected");
    const row = id && this.body.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
    if (row) row.classList.add("selected");
  }
}
