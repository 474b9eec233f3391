// One colour per ACLED event type (and grey for anything else).
export const TYPE_COLORS = {
  Battles: "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#8c3fb0",
  Protests: "#1f77b4",
  Riots: "#e377c2",
  "Strategic developments": "#5f6b7a",
};
export const OTHER = "#9aa3ad";
export const colorOf = (type) => TYPE_COLORS[type] || OTHER;

// Colour slots for counting a cluster's events: one per known type, then one for any other type.
const KNOWN = Object.keys(TYPE_COLORS);
export const SLOT_COLORS = [...Object.values(TYPE_COLORS), OTHER];
export const slotOf = (type) => (KNOWN.includes(type) ? KNOWN.indexOf(type) : KNOWN.length);

// A point's radius in pixels grows with the square root of its fatalities.
export const radiusOf = (fatalities) => Math.min(4 + 2.2 * Math.sqrt(fatalities || 0), 22);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
