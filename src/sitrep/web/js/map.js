// The map: a Natural Earth countries basemap (bundled; no tiles, works offline), and events
// clustered with supercluster (clusters.js), drawn on canvas. Points are coloured by event type and
// sized by fatalities; a cluster takes the colour of its most frequent type and zooms in when clicked.
/* global L */
import { buildIndex, COARSE_ZOOM, FINE_ZOOM, itemsIn } from "./clusters.js";
import { colorOf, el, radiusOf, SLOT_COLORS, slotOf } from "./colors.js";

const BASEMAP = "/static/vendor/basemap/countries-110m.geojson";

export class EventMap {
  constructor(element, { onSelect, onMove }) {
    this.element = element;
    this.onSelect = onSelect;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5 });
    this.map.createPane("basemap").style.zIndex = 200;
    this.baseRenderer = L.canvas({ pane: "basemap" });
    this.pointRenderer = L.canvas({ padding: 0.2 });
    this.layer = L.layerGroup().addTo(this.map);
    this.selected = L.layerGroup().addTo(this.map);
    this.data = null; // the columns of the points (api.js getPoints)
    this.coarse = null; // cluster index for zooms up to COARSE_ZOOM
    this.fine = null; // for closer zooms: null (being built), "worker" (built there) or an index
    this.worker = null;
    this.request = 0;
    this.map.attributionControl.setPrefix("Leaflet · Natural Earth");
    this.map.setView([18, 20], 2);
    this.map.on("moveend", () => {
      this.draw();
      if (onMove) onMove();
    });
    this.ready = this.loadBasemap();
  }

  async loadBasemap() {
    const response = await fetch(BASEMAP);
    const countries = await response.json();
    L.geoJSON(countries, {
      pane: "basemap",
      renderer: this.baseRenderer,
      interactive: false,
      style: { color: "#b9b4a8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map);
  }

  // data: the columns of getPoints() (api.js). The coarse index (built here, fast) draws zooms up
  // to COARSE_ZOOM; a worker builds the fine index for closer zooms (see clusters.js).
  setPoints(data) {
    this.data = data;
    const slots = data.types.map(slotOf);
    const slot = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i += 1) slot[i] = slots[data.type[i]];
    const columns = { n: data.n, longitude: data.longitude, latitude: data.latitude, fatalities: data.fatalities, slot };
    this.coarse = buildIndex(columns, COARSE_ZOOM);
    this.startFine(columns);
    this.element.dataset.points = String(data.n);
    this.element.dataset.truncated = String(Boolean(data.truncated));
    this.draw();
  }

  startFine(columns) {
    if (this.worker) this.worker.terminate(); // an index of the previous points is no longer wanted
    this.fine = null;
    const copy = { n: columns.n, longitude: columns.longitude.slice(), latitude: columns.latitude.slice(), fatalities: columns.fatalities.slice(), slot: columns.slot.slice() };
    const buildHere = () => {
      this.worker = null;
      this.fine = buildIndex(copy, FINE_ZOOM);
      this.draw();
    };
    try {
      this.worker = new Worker("/static/js/cluster-worker.js", { type: "module" });
    } catch {
      setTimeout(buildHere, 0);
      return;
    }
    this.worker.onerror = buildHere;
    this.worker.onmessage = ({ data }) => {
      if (data.built) {
        this.fine = "worker";
        this.draw();
      } else if (data.id === this.request && data.items) this.render(data.items, data.zoom, "fine");
    };
    const { longitude, latitude, fatalities, slot } = copy;
    this.worker.postMessage({ columns: copy }, [longitude.buffer, latitude.buffer, fatalities.buffer, slot.buffer]);
  }

  bbox() {
    const b = this.map.getBounds();
    const west = Math.max(b.getWest(), -180);
    const east = Math.min(b.getEast(), 180);
    const south = Math.max(b.getSouth(), -90);
    const north = Math.min(b.getNorth(), 90);
    if (b.getEast() - b.getWest() >= 360) return [-180, south, 180, north];
    return [west, south, east, north];
  }

  draw() {
    if (!this.coarse) return;
    const zoom = Math.round(this.map.getZoom());
    const bbox = this.bbox();
    this.request += 1; // an answer to an older request is not drawn
    if (zoom > COARSE_ZOOM && this.fine === "worker") this.worker.postMessage({ id: this.request, bbox, zoom });
    else if (zoom > COARSE_ZOOM && this.fine) this.render(itemsIn(this.fine, bbox, zoom), zoom, "fine");
    else this.render(itemsIn(this.coarse, bbox, Math.min(zoom, COARSE_ZOOM)), zoom, "coarse"); // or fine not built yet
  }

  render(items, zoom, index) {
    Object.assign(this.element.dataset, { zoom, index });
    this.layer.clearLayers();
    let points = 0;
    for (const item of items) {
      if (item.cluster) this.layer.addLayer(this.cluster(item));
      else {
        points += 1;
        this.layer.addLayer(this.point(item));
      }
    }
    this.element.dataset.drawn = String(items.length);
    this.element.dataset.drawnPoints = String(points);
  }

  cluster({ lon, lat, count, f, slot, expansion }) {
    const size = Math.round(20 + 8 * Math.log10(count));
    const label = count >= 1000 ? `${Math.round(count / 1000)}k` : String(count);
    const html = el("div", { class: "cluster", style: `width:${size}px;height:${size}px;background:${SLOT_COLORS[slot]}` }, label);
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html, className: "", iconSize: [size, size] }),
      keyboard: false,
      title: `${count} events, ${f} fatalities`,
    });
    marker.on("click", () => this.map.flyTo([lat, lon], expansion));
    return marker;
  }

  point({ lon, lat, i }) {
    const type = this.data.types[this.data.type[i]];
    const fatalities = this.data.fatalities[i];
    const marker = L.circleMarker([lat, lon], {
      renderer: this.pointRenderer,
      radius: radiusOf(fatalities),
      color: "#ffffff",
      weight: 1,
      fillColor: colorOf(type),
      fillOpacity: 0.85,
    });
    marker.bindTooltip(el("span", {}, `${type} · ${fatalities} fatalities`));
    marker.on("click", () => this.onSelect(this.data.idOf(i)));
    return marker;
  }

  select(event) {
    this.selected.clearLayers();
    if (!event || event.latitude === null || event.longitude === null) return;
    L.circleMarker([event.latitude, event.longitude], {
      radius: radiusOf(event.fatalities) + 5, color: "#111", weight: 2, fill: false, interactive: false,
    }).addTo(this.selected);
  }
}
