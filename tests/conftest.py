"""Shared fixtures: the real spaCy pipeline once per session, paths to ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def nlp():
    from eventdesk import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def incidents_of():  # type: ignore[no-untyped-def]
    """`incidents_of(texts, published)`: the pipeline's incidents (mentions after the judge,
    assemble and ACLED's conventions) of texts written for a test, one list per text."""
    from eventdesk.records import Article, Mention
    from eventdesk.run.process import Options, process

    def run(texts: list[str], published: date = date(2025, 3, 14)) -> list[list[Mention]]:
        articles = [Article(id=Article.make_id(t, None), source="probe", text=t, published=published) for t in texts]
        return [done.mentions for done in process(articles, Options())]

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: the shared samples and dev sets are absent")
    return SHARED


@pytest.fixture(scope="session")
def samples(shared: Path) -> list[Path]:
    paths = sorted((shared / "samples").glob("*.txt"))
    if not paths:
        pytest.skip(f"no sample articles in {shared / 'samples'}")
    return paths


def _pg_bin() -> Path | None:
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL server on a unix socket, started for this test session.

    PostgreSQL refuses to run as root, so when we are root it runs as the `postgres` user.
    """
    import os
    import shutil
    import subprocess
    import tempfile

    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="eventdesk-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "eventdesk", "--auth=trust"],
                   check=True, capture_output=True)  # fmt: skip
    opts = f"-p 54329 -k {sock} -c listen_addresses=''"
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "start", "-l", str(base / "log")],
                   check=True, capture_output=True)  # fmt: skip
    yield {"socket": str(sock), "port": 54329, "as_user": as_user, "bindir": bindir}
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server, request) -> str:  # type: ignore[no-untyped-def]
    """A fresh database on the private server for one test."""
    import re
    import subprocess

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50]
    createdb = [*pg_server["as_user"], str(pg_server["bindir"] / "createdb"), "-h", pg_server["socket"],
                "-p", str(pg_server["port"]), "-U", "eventdesk", name]  # fmt: skip
    subprocess.run(createdb, check=True, capture_output=True)
    return f"postgresql+psycopg://eventdesk@/{name}?host={pg_server['socket']}&port={pg_server['port']}"


# -- a small store to review (store, CLI and API tests) ------------------------------------

REVIEW_TEXTS = {
    "wire": "Police fired on protesters in Colombo on Tuesday. One man was killed.",
    "post": "Officers shot at demonstrators in Colombo on Tuesday, killing a man.",
    "kandy": "Rioters burned a bus in Kandy on Tuesday.",
}


def _review_records():  # type: ignore[no-untyped-def]
    """Three articles, their mentions, and two events built by the link step's merge: a shooting
    in Colombo (two articles, three mentions; id e_shooting) and a riot in Kandy (e_riot)."""
    from datetime import date

    from eventdesk.link.events import merge_event
    from eventdesk.records import Article, Count, Mention, Place, Source, TextSpan, When

    colombo = Place(name="Colombo", country="Sri Lanka", country_code="LK", admin1="Western Province", lat=6.93,
                    lon=79.85, geo_precision=1, gazetteer_id="1248991", text="Colombo", reason="the dateline")  # fmt: skip
    tuesday = When(value=date(2022, 4, 19), precision="day", expression="Tuesday", reason="the Tuesday before publication")
    killed = Count(kind="killed", low=1, high=1, best=1, text="One man", start=0, end=7)
    articles = {n: Article(id=Article.make_id(text, None), source=f"{n}.txt", text=text, raw_text=text, outlet=n.title(),
                           published=date(2022, 4, 20)) for n, text in REVIEW_TEXTS.items()}  # fmt: skip

    def mention(name: str, trigger: str, event_type: str, sub: str, place: Place) -> Mention:
        a = articles[name]
        start = a.text.index(trigger)
        return Mention(id=Mention.make_id(a.id, start, event_type), article_id=a.id, event_type=event_type, sub_event_type=sub,
                       trigger=TextSpan(start=start, end=start + len(trigger), text=trigger), place=place, when=tuesday,
                       sentence=TextSpan(start=0, end=len(a.text), text=a.text), counts=[killed] if event_type == "Protests" else [])  # fmt: skip

    force = ("Protests", "Excessive force against protesters", colombo)
    shooting = [mention("wire", "fired", *force), mention("wire", "killed", *force), mention("post", "shot", *force)]
    riot = [mention("kandy", "burned", "Riots", "Violent demonstration", colombo.model_copy(update={"name": "Kandy", "lat": 7.29, "lon": 80.63}))]
    sources = {a.id: Source(article_id=a.id, outlet=a.outlet, published=a.published) for a in articles.values()}
    events = [merge_event("e_shooting", "s_review", shooting, sources, 1), merge_event("e_riot", "s_review", riot, sources, 2)]
    return list(articles.values()), shooting + riot, events


def fill_review_store(url: str) -> str:
    """Write the records of `_review_records` into the store at `url`, linked; returns the url."""
    from eventdesk.records import Story
    from eventdesk.store import Store

    articles, mentions, events = _review_records()
    store = Store(url)
    try:
        for a in articles:
            store.write_article(a, [m for m in mentions if m.article_id == a.id], {"content_hash": a.id})
        updates = {a.id: {"story_id": "s_review", "copy_of": None, "copy_score": None} for a in articles}
        story = Story(id="s_review", title="Shooting in Colombo", article_ids=list(updates))
        store.save_link(updates, [story], events, {mid: e.id for e in events for mid in e.mention_ids})
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def fill_reviewable():  # type: ignore[no-untyped-def]
    """`fill_review_store`, for test modules: `Store(fill_reviewable(url))`."""
    return fill_review_store


@pytest.fixture
def reviewable(tmp_path: Path) -> str:
    """A SQLite store to review (see `_review_records`)."""
    return fill_review_store(f"sqlite:///{tmp_path / 'reviewable.db'}")
