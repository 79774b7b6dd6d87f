"""Fixtures for the web tests: one real store filled by the real pipeline, once per session.

The store holds the example corpus plus one hostile article (script and onerror markup in
its text), so the browser tests can check that article text is only ever shown as text.
A second, small store is written record by record: one event with more mentions than
evidence sentences, the shape the pipeline gives when one sentence has two triggers.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from eventdesk.records import (
    Actor,
    Article,
    Count,
    Event,
    Mention,
    Place,
    Source,
    Story,
    TextSpan,
    When,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = f"""Police fire tear gas at protesters in Kandy

Police fired tear gas at hundreds of protesters in Kandy on Monday, witnesses said. {HOSTILE_SCRIPT}

Protesters carried banners reading {HOSTILE_IMG} as they marched towards the Temple of the Tooth.

Two people were injured and five were arrested, a police spokesman said.
"""


def example_inputs() -> list[Path]:
    """The example articles (examples/articles when present, else examples/)."""
    articles = EXAMPLES / "articles"
    return [articles if articles.is_dir() else EXAMPLES]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the examples and the hostile article, linked."""
    from eventdesk.run.local import run
    from eventdesk.store import Store

    tmp = tmp_path_factory.mktemp("web")
    hostile = tmp / "hostile"
    hostile.mkdir()
    (hostile / "kandy_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    meta = {"outlet": "Hill Country Courier", "published": "2022-04-11", "title": "Police fire tear gas in Kandy",
            "url": "https://courier.example/kandy"}  # fmt: skip
    (hostile / "kandy_hostile.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    url = f"sqlite:///{tmp / 'web.db'}"
    store = Store(url)
    try:
        run([*example_inputs(), hostile], store)
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def hostile_article_id(web_db: str) -> str:
    """The id of the stored hostile article."""
    from eventdesk.store import Store

    store = Store(web_db)
    try:
        return next(a.id for a in store.articles() if HOSTILE_SCRIPT in a.text)
    finally:
        store.close()


@pytest.fixture(scope="session")
def hostile_markup() -> tuple[str, str]:
    """The markup planted in the hostile article: a script element and an onerror image."""
    return HOSTILE_SCRIPT, HOSTILE_IMG


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(db_url: str, token: str | None = None) -> Iterator[str]:
    """The app over a store under uvicorn in a background thread on a free loopback port (with
    a write token: ingest and review on); yields its base URL."""
    import uvicorn

    from eventdesk.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url, token=token), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve():  # type: ignore[no-untyped-def]
    """`serving`, for test modules (which cannot import this conftest): `with serve(url, token) as base`."""
    return serving


@pytest.fixture(scope="session")
def live_server(web_db: str) -> Iterator[str]:
    """The app over the example store, served; yields its base URL."""
    with serving(web_db) as base:
        yield base


# Two outlets report one looting. Alpha's sentence carries two mentions (two triggers), Beta's
# one: the event has three mentions but two evidence sentences, so any pairing of the two
# lists by position gives Beta's sentence Alpha's outlet, date and reason.
SPLIT_ALPHA = "Protesters stormed and looted the ministry in Colombo on Sunday.\n\nPolice gave no figures."
SPLIT_BETA = "Crowds looted the ministry in Colombo, witnesses said."


@dataclass(frozen=True)
class SplitEvidence:
    """The store of one event whose mentions outnumber its evidence sentences, and its ids."""

    url: str
    event_id: str
    story_id: str
    alpha_id: str
    beta_id: str


def _split_mention(article: Article, trigger: str, reason: str) -> Mention:
    sentence = article.text.split("\n\n")[0]
    start = sentence.index(trigger)
    return Mention(
        id=Mention.make_id(article.id, start, "Riots"), article_id=article.id, event_type="Riots",
        sub_event_type="Violent demonstration", trigger=TextSpan(start=start, end=start + len(trigger), text=trigger),
        sentence=TextSpan(start=0, end=len(sentence), text=sentence), reason=reason,
    )  # fmt: skip


@pytest.fixture(scope="session")
def split_evidence(tmp_path_factory: pytest.TempPathFactory) -> SplitEvidence:
    """A store written record by record (no pipeline): one event, three mentions, two sentences."""
    from eventdesk.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('split') / 'split.db'}"
    alpha = Article(id=Article.make_id(SPLIT_ALPHA, None), source="alpha.txt", text=SPLIT_ALPHA, raw_text=SPLIT_ALPHA,
                    outlet="Alpha Wire", published=date(2022, 5, 1), title="Ministry looted")  # fmt: skip
    beta = Article(id=Article.make_id(SPLIT_BETA, None), source="beta.txt", text=SPLIT_BETA, raw_text=SPLIT_BETA,
                   outlet="Beta Times", published=date(2022, 5, 3), title="Crowds loot ministry")  # fmt: skip
    mentions = [
        _split_mention(alpha, "stormed", "alpha: 'stormed' with protesters as actor"),
        _split_mention(alpha, "looted", "alpha: 'looted' with protesters as actor"),
        _split_mention(beta, "looted", "beta: 'looted' with crowds as actor"),
    ]
    story = Story(id="s_split0000000000", title="Ministry looted in Colombo", article_ids=[alpha.id, beta.id])
    event = Event(
        id="e_split0000000000", story_id=story.id, event_type="Riots", sub_event_type="Violent demonstration",
        summary="Protesters looted the ministry in Colombo.", when=When(value=date(2022, 5, 1), precision="day"),
        place=Place(name="Colombo", country="Sri Lanka", country_code="LK", lat=6.93, lon=79.85, geo_precision=1),
        mention_ids=[m.id for m in mentions], articles=2, independent_sources=2,
        sources=[Source(article_id=a.id, outlet=a.outlet, published=a.published) for a in (alpha, beta)],
    )  # fmt: skip
    store = Store(url)
    try:
        for article in (alpha, beta):
            store.write_article(article, [m for m in mentions if m.article_id == article.id], {"content_hash": article.id})
        updates = {a.id: {"story_id": story.id, "copy_of": None, "copy_score": None} for a in (alpha, beta)}
        store.save_link(updates, [story], [event], {m.id: event.id for m in mentions})
    finally:
        store.close()
    return SplitEvidence(url, event.id, story.id, alpha.id, beta.id)


@pytest.fixture(scope="session")
def split_server(split_evidence: SplitEvidence) -> Iterator[str]:
    """The app over the split-evidence store, served; yields its base URL."""
    with serving(split_evidence.url) as base:
        yield base


# A store of seven events written record by record, with figures a test can sum by hand:
# killed as a range ("two to five"), open-ended ("at least four") and exact, arrests with
# only an upper bound ("up to 20"), a second country and region, an undated event, one of
# ordinary crime and one past incident mentioned as background.
# A story title is article text: the one below carries markup that must show as text.
TOTALS_STORIES = {
    "s_totals_protest0": "Protest and riot in Colombo",
    "s_totals_kandy000": 'Attack near Kandy <img src=x onerror="window.__pwned=3">',
}


def _count(kind: str, low: int | None, high: int | None, best: int | None) -> Count:
    return Count(kind=kind, low=low, high=high, best=best, text=f"{kind} {low}-{high}", start=0, end=1)  # type: ignore[arg-type]


def _event(n: int, story: str, kind: tuple[str, str], when: date | None, place: tuple[str, str, str | None], actors: list[str],
           counts: list[Count], **extra: object) -> Event:  # fmt: skip
    event_type, sub = kind
    country_code, country, admin1 = place
    return Event(
        id=f"e_totals{n:09d}", story_id=story, event_type=event_type, sub_event_type=sub, summary=f"Event {n}.",  # type: ignore[arg-type]
        when=When(value=when, precision="day" if when else "unknown"),
        place=Place(name=admin1 or country, country=country, country_code=country_code, admin1=admin1, lat=7.0, lon=80.0, geo_precision=2),
        actors=[Actor(name=a, role="actor1" if i == 0 else "actor2") for i, a in enumerate(actors)],
        counts=counts, seq=n, **extra,
    )  # fmt: skip


LK, MV = ("LK", "Sri Lanka"), ("MV", "Maldives")
TOTALS_EVENTS = [
    _event(1, "s_totals_protest0", ("Protests", "Peaceful protest"), date(2022, 4, 1), (*LK, "Western Province"),
           ["Protesters", "Police Forces of Sri Lanka"], [_count("arrested", 10, 10, 10)]),
    _event(2, "s_totals_protest0", ("Riots", "Violent demonstration"), date(2022, 4, 2), (*LK, "Western Province"),
           ["Rioters", "Police Forces"], [_count("killed", 2, 5, 3), _count("injured", 9, 9, 9)]),
    _event(3, "s_totals_kandy000", ("Violence against civilians", "Attack"), date(2022, 4, 9), (*LK, "Central Province"),
           ["Unidentified Armed Group (Sri Lanka)", "Civilians (Sri Lanka)"], [_count("killed", 4, None, 4)]),
    _event(4, "s_totals_protest0", ("Protests", "Protest with intervention"), date(2022, 4, 10), (*MV, "Kaafu Atoll"),
           ["Protesters (Maldives)"], [_count("killed", 1, 1, 1), _count("arrested", None, 20, None)]),
    _event(5, "s_totals_kandy000", ("Strategic developments", "Arrests"), None, (*LK, None),
           ["Police Forces of Sri Lanka"], [_count("arrested", 7, 7, 7)]),
    _event(6, "s_totals_kandy000", ("Violence against civilians", "Attack"), date(2022, 4, 3), (*LK, "Western Province"),
           ["Gang"], [_count("killed", 100, 100, 100)], scope="crime"),
    _event(7, "s_totals_kandy000", ("Battles", "Armed clash"), date(2021, 6, 1), (*LK, "Northern Province"),
           ["Military Forces of Sri Lanka"], [_count("killed", 50, 50, 50)], background=True),
]


def write_totals_store(url: str) -> str:
    """Write TOTALS_EVENTS and their stories into the store at `url`; returns the url."""
    from eventdesk.store import Store

    store = Store(url)
    try:
        stories = [Story(id=sid, title=title, seq=i) for i, (sid, title) in enumerate(TOTALS_STORIES.items())]
        store.save_link({}, stories, TOTALS_EVENTS, {})
    finally:
        store.close()
    return url


@pytest.fixture(scope="session")
def totals_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding TOTALS_EVENTS."""
    return write_totals_store(f"sqlite:///{tmp_path_factory.mktemp('totals') / 'totals.db'}")


@pytest.fixture(scope="session")
def totals_server(totals_db: str) -> Iterator[str]:
    """The app over the totals store, served; yields its base URL."""
    with serving(totals_db) as base:
        yield base


@pytest.fixture()
def pg_totals_db(pg_url: str) -> str:
    """TOTALS_EVENTS in a fresh PostgreSQL database (skipped where PostgreSQL is not installed)."""
    return write_totals_store(pg_url)
