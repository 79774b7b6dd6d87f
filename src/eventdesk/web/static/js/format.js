// Shared vocabulary of the UI: type colours, precision words, number and date formats.

export const TYPE_COLORS = {
  Battles: "#c8331b",
  "Explosions/Remote violence": "#ee7733",
  "Violence against civilians": "#9b2f73",
  Riots: "#c99a1a",
  Protests: "#1f6fb2",
  "Strategic developments": "#13897f",
};
export const TYPES = Object.keys(TYPE_COLORS);
export const OTHER_COLOR = "#7a8088";

export function typeColor(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}

export const GEO_PRECISION = {
  1: "exact place (town or city)",
  2: "near a place, or part of a region",
  3: "only the region or country",
};

export const TIME_PRECISION = {
  day: "to the day",
  week: "within a week",
  month: "within a month",
  year: "within a year",
  unknown: "date unknown",
};

export const STATUS_HELP = {
  reported: "stated as fact by the source",
  claimed: "claimed by a party, not established",
  denied: "denied by a party",
  unverified: "the source says it could not verify",
  planned: "planned or threatened, not happened",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2022-07-09" → "9 Jul 2022" (null → "undated"). */
export function formatDate(iso, precision) {
  if (!iso) return "undated";
  const [y, m, d] = iso.split("-").map(Number);
  if (precision === "year") return String(y);
  if (precision === "month") return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A count range: "12", "10–20", "at least 5", "unknown". */
export function formatRange(count) {
  const { low, high } = count;
  if (low === null && high === null) return "unknown";
  if (high === null) return `at least ${low}`;
  if (low === null) return `up to ${high}`;
  return low === high ? String(low) : `${low}–${high}`;
}

export function plural(n, word, many) {
  return `${n.toLocaleString("en")} ${n === 1 ? word : many || word + "s"}`;
}

export function placeLabel(row) {
  const parts = [row.place || row.name, row.country && row.country !== (row.place || row.name) ? row.country : null];
  return parts.filter(Boolean).join(", ") || "unknown place";
}
