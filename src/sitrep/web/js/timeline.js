// The timeline: events per day/week/month as bars (SVG); drag across it to select a date range,
// click without dragging to clear the range.
const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const PAD = { left: 36, right: 8, top: 6, bottom: 16 };

const svgEl = (tag, attrs) => {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
};
const parse = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

function bucketEnd(start, interval) {
  if (interval === "week") return start + 7 * DAY;
  if (interval === "month") {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return start + DAY;
}

export class Timeline {
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.domain = null;
    svg.addEventListener("mousedown", (e) => this.start(e));
    window.addEventListener("mousemove", (e) => this.move(e));
    window.addEventListener("mouseup", (e) => this.end(e));
    this.last = null;
    new ResizeObserver(() => {
      if (this.last && !this.drag) this.render(...this.last);
    }).observe(svg);
  }

  x(ms) {
    const [lo, hi] = this.domain;
    const width = this.svg.clientWidth - PAD.left - PAD.right;
    return PAD.left + ((ms - lo) / Math.max(hi - lo, DAY)) * width;
  }

  msAt(px) {
    const [lo, hi] = this.domain;
    const width = this.svg.clientWidth - PAD.left - PAD.right;
    const ratio = Math.min(Math.max((px - PAD.left) / width, 0), 1);
    return lo + ratio * (hi - lo);
  }

  render(timeline, since, until) {
    this.last = [timeline, since, until];
    const svg = this.svg;
    svg.replaceChildren();
    const buckets = timeline.buckets || [];
    svg.dataset.buckets = String(buckets.length);
    svg.dataset.interval = timeline.interval || "";
    if (!buckets.length) {
      this.domain = null;
      return;
    }
    const starts = buckets.map((b) => parse(b.period));
    this.domain = [starts[0], bucketEnd(starts[starts.length - 1], timeline.interval)];
    const height = svg.clientHeight - PAD.top - PAD.bottom;
    const max = Math.max(...buckets.map((b) => b.events));
    const lo = since ? parse(since) : -Infinity;
    const hi = until ? parse(until) + DAY : Infinity;
    buckets.forEach((b, i) => {
      const x0 = this.x(starts[i]);
      const x1 = this.x(bucketEnd(starts[i], timeline.interval));
      const h = (b.events / max) * height;
      const bar = svgEl("rect", {
        class: starts[i] >= lo && starts[i] < hi ? "bar in" : "bar",
        x: x0, y: PAD.top + height - h, width: Math.max(x1 - x0 - 0.5, 0.5), height: h,
      });
      const title = svgEl("title", {});
      title.textContent = `${b.period}: ${b.events} events, ${b.fatalities} fatalities`;
      bar.append(title);
      svg.append(bar);
    });
    const axis = svgEl("text", { x: 2, y: PAD.top + 8 });
    axis.textContent = String(max);
    svg.append(axis);
    for (const [ms, anchor] of [[this.domain[0], "start"], [this.domain[1] - DAY, "end"]]) {
      const label = svgEl("text", { x: this.x(ms), y: PAD.top + height + 12, "text-anchor": anchor });
      label.textContent = iso(ms);
      svg.append(label);
    }
    if (since || until) {
      const a = this.x(Math.max(lo, this.domain[0]));
      const b = this.x(Math.min(hi, this.domain[1]));
      svg.append(svgEl("rect", { class: "brush", x: a, y: PAD.top, width: Math.max(b - a, 1), height }));
    }
  }

  start(event) {
    if (!this.domain) return;
    const box = this.svg.getBoundingClientRect();
    this.drag = { x0: event.clientX - box.left, box };
    this.rect = svgEl("rect", { class: "brush", x: this.drag.x0, y: PAD.top, width: 0,
                                height: this.svg.clientHeight - PAD.top - PAD.bottom });
    this.svg.append(this.rect);
    event.preventDefault();
  }

  move(event) {
    if (!this.drag) return;
    const x1 = event.clientX - this.drag.box.left;
    this.rect.setAttribute("x", Math.min(this.drag.x0, x1));
    this.rect.setAttribute("width", Math.abs(x1 - this.drag.x0));
  }

  end(event) {
    if (!this.drag) return;
    const x1 = event.clientX - this.drag.box.left;
    const { x0 } = this.drag;
    this.drag = null;
    if (Math.abs(x1 - x0) < 3) {
      this.onBrush(null, null);
      return;
    }
    const a = this.msAt(Math.min(x0, x1));
    const b = this.msAt(Math.max(x0, x1));
    this.onBrush(iso(a), iso(Math.max(b - 1, a)));
  }
}
