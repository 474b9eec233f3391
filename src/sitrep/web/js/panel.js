// The event panel: the event's fields, the claims of each source, and the sentences of the article
// that hold its evidence, with the evidence and claim spans highlighted; links to the source.
import { colorOf, el } from "./colors.js";

function highlighted(passage) {
  // Split the passage at every span boundary; a piece inside spans is marked (claims win).
  const cuts = new Set([0, passage.text.length]);
  for (const s of passage.spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const text = passage.text.slice(a, b);
    const covering = passage.spans.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) {
      out.push(text);
      continue;
    }
    const kind = covering.some((s) => s.kind === "claim") ? "claim" : "evidence";
    const title = covering.map((s) => (s.kind === "claim" ? `claim: ${s.value} (${s.source || "unattributed"})` : s.field)).join("; ");
    out.push(el("mark", { class: kind, title, "data-fields": covering.map((s) => s.field).join(" ") }, text));
  }
  return out;
}

const safeUrl = (url) => (/^https?:\/\//i.test(url || "") ? url : null);

export function renderEvent(container, detail) {
  const e = detail.event;
  const place = [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(", ");
  const fields = [
    ["Date", `${e.event_date} (precision ${e.time_precision})`],
    ["Type", e.event_type],
    ["Sub-type", e.sub_event_type],
    ["Actor 1", [e.actor1, e.assoc_actor_1].filter(Boolean).join("; ")],
    ["Actor 2", [e.actor2, e.assoc_actor_2].filter(Boolean).join("; ")],
    ["Interaction", e.interaction],
    ["Civilian targeting", e.civilian_targeting],
    ["Location", place],
    ["Coordinates", e.latitude === null ? "unknown" : `${e.latitude}, ${e.longitude} (precision ${e.geo_precision})`],
    ["Fatalities", e.fatalities_low === e.fatalities_high ? String(e.fatalities) : `${e.fatalities} (reported ${e.fatalities_low}–${e.fatalities_high})`],
    ["Confidence", Number(e.confidence).toFixed(2)],
    ["Event id", e.event_id],
  ];
  const source = safeUrl(e.source_url);
  const article = detail.article;
  container.replaceChildren(
    el("h2", {}, el("span", { class: "type-dot", style: `background:${colorOf(e.event_type)}` }), `${e.sub_event_type} — ${e.location || e.country}`),
    el("p", {}, e.notes),
    el("dl", {}, ...fields.filter(([, v]) => v !== "" && v !== null).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
    detail.claims.length ? el("h3", {}, "Claims") : null,
    detail.claims.length
      ? el("ul", { class: "claims" }, ...detail.claims.map((c) => el("li", {}, el("strong", {}, `${c.value} ${c.field}`), ` — ${c.source || "unattributed"}: “${c.text}”`)))
      : null,
    el("h3", {}, "Evidence"),
    ...(detail.passages.length
      ? detail.passages.map((p) => el("blockquote", { class: "passage" }, el("div", { class: "zone" }, p.zone), ...highlighted(p)))
      : [el("p", {}, "No evidence text stored for this event.")]),
    el("h3", {}, "Source"),
    el(
      "p",
      {},
      source ? el("a", { href: source, target: "_blank", rel: "noopener noreferrer", class: "source-link" }, article?.title || e.source || source) : e.source,
      article ? el("br") : null,
      article ? `${article.source || ""} ${article.published || ""}` : null,
      article ? el("br") : null,
      article ? el("a", { href: `/api/articles/${encodeURIComponent(article.content_hash)}`, target: "_blank" }, "Article JSON") : null,
    ),
  );
}
