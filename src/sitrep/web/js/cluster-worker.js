// The map's fine cluster index (zooms above COARSE_ZOOM), built and queried off the page's thread.
// Messages in: {columns} (build; answers {built: true}), {id, bbox, zoom} (answers {id, zoom, items}).
import { buildIndex, FINE_ZOOM, itemsIn } from "./clusters.js";

let index = null;

self.onmessage = ({ data }) => {
  if (data.columns) {
    index = buildIndex(data.columns, FINE_ZOOM);
    self.postMessage({ built: true });
  } else {
    self.postMessage({ id: data.id, zoom: data.zoom, items: index ? itemsIn(index, data.bbox, data.zoom) : null });
  }
};
