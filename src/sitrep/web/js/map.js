// The map: a Natural Earth countries basemap (bundled; no tiles, works offline), and events
// clustered with supercluster, drawn on canvas. Points are coloured by event type and sized by
// fatalities; a cluster takes the colour of its most frequent type and zooms in when clicked.
/* global L, Supercluster */
import { colorOf, el, radiusOf } from "./colors.js";

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
    this.index = null;
    this.types = [];
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

  setPoints(data) {
    this.types = data.types;
    const n = this.types.length;
    const features = data.points.map(([lon, lat, t, f, id]) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: { t, f, id },
    }));
    this.index = new Supercluster({
      radius: 44,
      maxZoom: 11,
      map: (p) => {
        const acc = { f: p.f };
        for (let i = 0; i < n; i += 1) acc[`c${i}`] = p.t === i ? 1 : 0;
        return acc;
      },
      reduce: (acc, p) => {
        acc.f += p.f;
        for (let i = 0; i < n; i += 1) acc[`c${i}`] += p[`c${i}`];
      },
    });
    this.index.load(features);
    this.element.dataset.points = String(features.length);
    this.element.dataset.truncated = String(Boolean(data.truncated));
    this.draw();
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
    this.layer.clearLayers();
    if (!this.index) return;
    const zoom = Math.round(this.map.getZoom());
    const clusters = this.index.getClusters(this.bbox(), zoom);
    let points = 0;
    for (const feature of clusters) {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      if (p.cluster) this.layer.addLayer(this.cluster(lat, lon, p));
      else {
        points += 1;
        this.layer.addLayer(this.point(lat, lon, p));
      }
    }
    this.element.dataset.drawn = String(clusters.length);
    this.element.dataset.drawnPoints = String(points);
  }

  cluster(lat, lon, p) {
    let best = 0;
    for (let i = 1; i < this.types.length; i += 1) if (p[`c${i}`] > p[`c${best}`]) best = i;
    const size = Math.round(20 + 8 * Math.log10(p.point_count));
    const label = p.point_count >= 1000 ? `${Math.round(p.point_count / 1000)}k` : String(p.point_count);
    const html = el("div", { class: "cluster", style: `width:${size}px;height:${size}px;background:${colorOf(this.types[best])}` }, label);
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html, className: "", iconSize: [size, size] }),
      keyboard: false,
      title: `${p.point_count} events, ${p.f} fatalities`,
    });
    marker.on("click", () => this.map.flyTo([lat, lon], this.index.getClusterExpansionZoom(p.cluster_id)));
    return marker;
  }

  point(lat, lon, p) {
    const type = this.types[p.t];
    const marker = L.circleMarker([lat, lon], {
      renderer: this.pointRenderer,
      radius: radiusOf(p.f),
      color: "#ffffff",
      weight: 1,
      fillColor: colorOf(type),
      fillOpacity: 0.85,
    });
    marker.bindTooltip(el("span", {}, `${type} · ${p.f} fatalities`));
    marker.on("click", () => this.onSelect(p.id));
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
