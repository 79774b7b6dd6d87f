"""The eventdesk commands. Thin: parse, call the library, print, choose the exit code."""

from __future__ import annotations

import logging
import sys
import time
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventdesk import __version__
from eventdesk.config import load_config, with_overrides
from eventdesk.errors import EventdeskError, NotFoundError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_ERROR = 1
EXIT_NOTHING_PROCESSED = 2
EXIT_NOT_FOUND = 3
EXIT_SOME_FAILED = 4  # `run`: every other article stored; the failed ones listed by `articles --failed`
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def _store(db: str | None, *, create: bool = False):  # type: ignore[no-untyped-def]
    """The store at --db (or the configured one). Commands that only read never create it: a
    missing database is an error naming the path, not a new empty one."""
    from eventdesk.store import Store

    return Store(with_overrides(load_config(), db=db).db, create=create)


def _print_table(headers: list[str], rows: list[list[str]]) -> None:
    """A table on a terminal; tab-separated lines (with a header) when piped."""
    if out.is_terminal:
        table = Table(*headers)
        for row in rows:
            table.add_row(*row)
        out.print(table)
        return
    for row in [headers, *rows]:
        click.echo("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))


def _date(_ctx, _param, value: str | None) -> date | None:  # type: ignore[no-untyped-def]
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _event_type(_ctx, param, value: str | None) -> str | None:  # type: ignore[no-untyped-def]
    """An event type as stored (any case given); one that names none is refused, listing them."""
    from eventdesk.filters import EVENT_TYPES, checked

    return None if value is None else checked(param.opts[0], [value], EVENT_TYPES)[0]


def _country(_ctx, param, value: str | None) -> str | None:  # type: ignore[no-untyped-def]
    """A country code the gazetteer knows, upper-cased; a name or unknown code is refused with a hint."""
    from eventdesk.filters import checked_countries

    return None if value is None else checked_countries(param.opts[0], [value])[0]


db_option = click.option(
    "--db", metavar="URL", help="Database URL (default: sqlite:///eventdesk.db, or $EVENTDESK_DB)."
)


def scope_options(fn):  # type: ignore[no-untyped-def]
    """--scope, --background and --review: which incidents a view shows (default: current, ACLED
    scope, not rejected by a reviewer)."""
    fn = click.option("--review", type=click.Choice(["unreviewed", "confirmed", "edited", "rejected", "all"]),
                      help="Only events of this review status, or all (default: all but rejected).")(fn)  # fmt: skip
    fn = click.option("--background", is_flag=True,
                      help="Also past incidents that articles mention only as context.")(fn)  # fmt: skip
    return click.option("--scope", type=click.Choice(["acled", "crime", "other", "all"]), default="acled", show_default=True,
                        help="ACLED's scope, ordinary crime, other, or all.")(fn)  # fmt: skip


def _scope(scope: str) -> str | None:
    return None if scope == "all" else scope


def _review(review: str | None) -> dict:
    """The EventFilter's review setting for --review (none given: the filter's default)."""
    return {} if review is None else {"review": None if review == "all" else (review,)}


class Group(click.Group):
    """Maps eventdesk's errors to one-line messages and exit codes (also those raised by option
    callbacks: a bad --type or --country is one line, not a usage screen)."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except NotFoundError as exc:
            err.print(f"error: {exc}", markup=False)
            sys.exit(EXIT_NOT_FOUND)
        except EventdeskError as exc:
            err.print(f"error: {exc}", markup=False)
            sys.exit(EXIT_ERROR)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="eventdesk")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
def main(verbose: bool) -> None:
    """eventdesk: news articles in, a geocoded, source-attributed event database out.

    \b
    Example:
      eventdesk run examples/articles/ && eventdesk events
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))


class _PrintableFormatter(logging.Formatter):
    """Log lines with control characters and bytes that are not UTF-8 shown escaped (a file
    name or a JSON key can hold a terminal escape sequence); tracebacks stay as they are."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        from eventdesk.read.reasons import shown

        return shown(super().formatMessage(record))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--batch-size", type=click.IntRange(1, 10_000), help="Articles per batch.")
@click.option("--workers", type=click.IntRange(0, 256), help="Worker processes (0 = one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-article map runs: local processes, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: start a local cluster).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a Markdown report of the database to this file.")  # fmt: skip
@click.option("--retry-failed", is_flag=True, help="Process again the articles earlier runs stored as failed.")
def run(paths: tuple[str, ...], db: str | None, batch_size: int | None, workers: int | None,
        engine: str, scheduler: str | None, report_path: Path | None, retry_failed: bool) -> None:  # fmt: skip
    """Read, process and store articles, then link them into stories and events.

    PATHS are files or directories (.txt with .meta.json sidecars, .html, ...), or - for stdin.
    Each unreadable input and each article that fails (an error, the time budget, the memory
    ceiling) gets one line; the others are stored. Exit code 4: some articles failed (listed by
    `eventdesk articles --failed`); 130: interrupted (run the same command again to finish).

    \b
    Example:
      eventdesk run examples/articles/ --db sqlite:///eventdesk.db
      eventdesk run big-feed.jsonl --engine dask --db postgresql+psycopg://localhost/events
    """
    from eventdesk.read import ReadLimits
    from eventdesk.run.local import run as run_job
    from eventdesk.run.pool import default_workers
    from eventdesk.run.process import Options

    config = with_overrides(load_config(), db=db, batch_size=batch_size, workers=workers)
    store = _store(config.db, create=True)
    progress = _Progress(err)
    try:
        with store.exclusive(config.lock_wait, on_wait=progress.note):
            summary = run_job(
                paths,
                store,
                read_limits=ReadLimits.from_config(config),
                batch_size=config.batch_size,
                options=Options.from_config(config),
                workers=config.workers or default_workers(),
                engine=engine,
                scheduler=scheduler,
                isolate=config.isolate,
                retry_failed=retry_failed,
                on_article=progress.article,
                on_failure=lambda f: progress.note(f"{f.source}: {f.reason}"),
                on_failed=lambda f: progress.note(f"{f.source}: failed: {f.reason}"),
                on_note=lambda source, note: progress.note(f"{source}: {note}"),
            )
    except KeyboardInterrupt:
        progress.close()
        err.print(
            f"interrupted: {progress.n} articles processed and stored; run the same command again to "
            "finish (what is stored is kept and not doubled)",
            markup=False,
        )
        sys.exit(EXIT_INTERRUPTED)
    progress.close()
    _print_run_summary(store, summary, time.monotonic() - progress.started)
    if report_path:
        from eventdesk.report import overview_markdown

        report_path.write_text(overview_markdown(store), encoding="utf-8")
        out.print(f"report written to {report_path}", markup=False)
    if not summary.processed_any:
        err.print("error: nothing could be processed", markup=False)
        sys.exit(EXIT_NOTHING_PROCESSED)
    if summary.some_failed:
        sys.exit(EXIT_SOME_FAILED)


class _Progress:
    """A progress line with articles/s on a terminal; plain lines otherwise."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.started = time.monotonic()
        self.n = 0
        self.live = console.is_terminal
        if self.live:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True)
            self.task = self.bar.add_task("starting")
            self.bar.start()

    def article(self, _done) -> None:  # type: ignore[no-untyped-def]
        self.n += 1
        rate = self.n / max(time.monotonic() - self.started, 1e-6)
        if self.live:
            self.bar.update(self.task, description=f"{self.n} articles processed, {rate:.1f} articles/s")
        elif self.n % 100 == 0:
            self.console.print(f"{self.n} articles processed, {rate:.1f} articles/s", markup=False)

    def note(self, line: str) -> None:
        from eventdesk.read.reasons import shown

        self.console.print(shown(line), markup=False)

    def close(self) -> None:
        if self.live:
            self.bar.stop()


def _print_run_summary(store, summary, seconds: float) -> None:  # type: ignore[no-untyped-def]
    from eventdesk.report import overview

    ov = overview(store)
    rate = summary.stored / seconds if seconds > 0 else 0.0
    failed = f", {len(summary.failed)} failed" if summary.failed else ""
    out.print(
        f"articles: {summary.read} read, {summary.stored} new, {summary.already_stored} already stored, "
        f"{len(summary.failures)} unreadable{failed} ({seconds:.1f} s, {rate:.1f} articles/s)",
        markup=False,
    )
    if summary.failed:
        out.print(f"  failed: {len(summary.failed)} (stored without events; list them: eventdesk articles --failed)", markup=False)
    for reason, n in sorted(summary.skipped.items()):
        out.print(f"  skipped: {n} ({reason})", markup=False)
    if summary.link:
        lk = summary.link
        out.print(f"database: {ov.articles} articles, {lk.copies} copies, {lk.stories} stories, {lk.events} events ({lk.new_events} new)", markup=False)
    for etype, n in ov.events_by_type.most_common():
        out.print(f"  {etype}: {n}", markup=False)
    if ov.top_places:
        out.print("top places: " + ", ".join(f"{p} ({n})" for p, n in ov.top_places), markup=False)
    for story, n in ov.stories[:10]:
        out.print(f"story {story.id}: {story.title} ({len(story.article_ids)} articles, {n} events)", markup=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx", "geojson"]), default="jsonl", show_default=True)
@click.option("-o", "--output", "--out", "output", default="-", show_default=True,
              help="File to write, or - for stdout (not for xlsx, a binary workbook).")  # fmt: skip
@db_option
@click.option("--type", "event_type", callback=_event_type, help="Only this ACLED event type.")
@click.option("--country", callback=_country, help="Only this ISO 3166-1 alpha-2 country code.")
@click.option("--since", callback=_date, help="Only events on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Only events on or before YYYY-MM-DD.")
@click.option("--story", help="Only events of this story id (see `eventdesk stories`).")
@scope_options
def export(fmt: str, output: str, db: str | None, event_type: str | None, country: str | None, since: date | None, until: date | None,
           story: str | None, scope: str, background: bool, review: str | None) -> None:  # fmt: skip
    """Export events as JSONL (the shared schema), CSV or XLSX (ACLED's 31 columns, then
    eventdesk's) or GeoJSON.

    \b
    Example:
      eventdesk export --format jsonl -o events.jsonl
      eventdesk export --format xlsx --out events.xlsx
      eventdesk export --story s_0123456789abcdef --format csv -o story.csv
    """
    from eventdesk.export import iter_rows, write, write_xlsx
    from eventdesk.store import EventFilter

    if fmt == "xlsx" and output == "-":
        raise click.UsageError("--format xlsx writes a binary workbook, which stdout does not take: "
                               "name a file with --out FILE (e.g. --out events.xlsx)")  # fmt: skip
    store = _store(db)
    _check_story(store, story)  # before -o makes a file
    flt = EventFilter(event_type=event_type, country_code=country, since=since, until=until, story_id=story,
                      scope=_scope(scope), background=background, **_review(review))  # fmt: skip
    if fmt == "xlsx":
        n = write_xlsx(iter_rows(store, flt), output)
        err.print(f"{n} events written to {output}", markup=False)
        return
    if output == "-":
        write(store, fmt, sys.stdout, flt)  # type: ignore[arg-type]
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        n = write(store, fmt, fh, flt)  # type: ignore[arg-type]
    err.print(f"{n} events written to {output}", markup=False)


@main.command()
@db_option
@click.option("--skipped", is_flag=True, help="Only articles skipped for extraction.")
@click.option("--failed", is_flag=True, help="Only what failed: unreadable inputs and articles that failed in a stage, with the reason.")
def articles(db: str | None, skipped: bool, failed: bool) -> None:
    """List stored articles: id, date, outlet, title, story and copy.

    \b
    Example:
      eventdesk articles --skipped
      eventdesk articles --failed
    """
    if failed:
        _print_failed(_store(db))
        return
    rows = []
    for a in _store(db).articles():
        if skipped and a.skipped is None:
            continue
        note = f"copy of {a.copy_of}" if a.copy_of else (f"{a.skipped.value}: {a.skip_detail or ''}" if a.skipped else "")
        rows.append([a.id, str(a.published or ""), a.outlet or "", (a.title or a.source)[:70], a.story_id or "", note])
    _print_table(["id", "published", "outlet", "title", "story", "copy / skipped"], rows)


def _print_failed(store) -> None:  # type: ignore[no-untyped-def]
    """Articles that failed in a stage (they have an id), then inputs that could not be read."""
    from eventdesk.read.reasons import shown

    rows = [[a.id, shown(a.source), "failed", shown(a.skip_detail or "")] for a in store.failed_articles()]
    rows += [["", shown(source), "unreadable", shown(reason)] for source, reason in store.failures()]
    _print_table(["id", "source", "what", "reason"], rows)


@main.command()
@db_option
@click.option("--type", "event_type", callback=_event_type, help="Only this ACLED event type, e.g. Riots.")
@click.option("--country", callback=_country, help="Only this ISO 3166-1 alpha-2 country code, e.g. KZ.")
@click.option("--since", callback=_date, help="Only events on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Only events on or before YYYY-MM-DD.")
@click.option("--story", help="Only events of this story id.")
@scope_options
def events(db: str | None, event_type: str | None, country: str | None, since: date | None, until: date | None, story: str | None,
           scope: str, background: bool, review: str | None) -> None:  # fmt: skip
    """List events with date, type, place, counts, sources and review status.

    \b
    Example:
      eventdesk events --type Riots --country KZ --since 2022-01-01
      eventdesk events --review rejected
    """
    from eventdesk.store import EventFilter

    store = _store(db)
    _check_story(store, story)
    flt = EventFilter(event_type=event_type, country_code=country, since=since, until=until, story_id=story,
                      scope=_scope(scope), background=background, **_review(review))  # fmt: skip
    rows = []
    for e in store.events(flt):
        counts = ", ".join(f"{c.kind} {_range(c)}" for c in e.counts)
        place = f"{e.place.name or '?'} ({e.place.country_code or '-'}, p{e.place.geo_precision or '-'})"
        rows.append([e.id, str(e.when.value or "?"), f"{e.event_type} / {e.sub_event_type}", place, counts,
                     f"{e.articles} ({e.independent_sources} indep.)", e.review_status])  # fmt: skip
    _print_table(["id", "date", "type / sub-type", "place", "counts", "articles (independent)", "review"], rows)


def _check_story(store, story_id: str | None) -> None:  # type: ignore[no-untyped-def]
    """An unknown --story is NotFoundError (exit 3), not an empty list: ids are typed by hand."""
    if story_id is not None:
        store.story(story_id)


def _range(c) -> str:  # type: ignore[no-untyped-def]
    """A count as its range: '18+', '12-99 (best 12)', '2'."""
    if c.low == c.high and c.low is not None:
        return str(c.low)
    if c.high is None:
        return f"{c.low}+" if c.low is not None else "?"
    return f"{c.low if c.low is not None else '?'}-{c.high} (best {c.best})"


@main.command()
@db_option
def stories(db: str | None) -> None:
    """List stories: id, title, articles, dates.

    \b
    Example:
      eventdesk stories
    """
    rows = [
        [s.id, s.title, str(len(s.article_ids)), str(s.first_published or ""), str(s.last_published or "")]
        for s in _store(db).stories()
    ]
    _print_table(["id", "title", "articles", "first", "last"], rows)


@main.command()
@click.argument("item_id")
@db_option
@click.option("--removed", is_flag=True, help="For an article: list the lines the cleaner removed.")
def show(item_id: str, db: str | None, removed: bool) -> None:
    """Show an event (each evidence sentence with its article, attribution, status and mention id)
    or an article.

    \b
    Example:
      eventdesk show e_0123456789abcdef
      eventdesk show a_0123456789abcdef --removed
    """
    store = _store(db)
    if item_id.startswith("a_"):
        _show_article(store, item_id, removed)
    else:
        _show_event(store, item_id)


def _show_event(store, event_id: str) -> None:  # type: ignore[no-untyped-def]
    e = store.event(event_id)
    mentions = {m.id: m for m in store.mentions(event_id=event_id)}
    out.print(f"{e.id}  {e.event_type} / {e.sub_event_type}", markup=False)
    out.print(e.summary, markup=False)
    if e.review_status != "unreviewed":
        out.print(f"review: {e.review_status}{' (set: ' + ', '.join(e.edited_fields) + ')' if e.edited_fields else ''}; "
                  f"history: eventdesk review history {e.id}", markup=False)  # fmt: skip
    out.print(f"date: {e.when.value or 'unknown'} ({e.when.precision}{'; ' + e.when.expression if e.when.expression else ''})", markup=False)
    out.print(f"place: {e.place.name or 'unknown'} {e.place.country_code or ''} precision {e.place.geo_precision} ({e.place.reason})", markup=False)
    for a in e.actors:
        out.print(f"actor: {a.role} {a.name} [{a.kind or '-'}, {a.country_code or '-'}]", markup=False)
    for c in e.counts:
        out.print(f"count: {c.kind} low={c.low} high={c.high} best={c.best} who={c.who!r} ({c.text!r})", markup=False)
    out.print(f"sources: {e.articles} articles, {e.independent_sources} independent", markup=False)
    for c in e.conflicts:
        out.print(f"conflict: {c}", markup=False)
    for mid in e.mention_ids:
        m = mentions.get(mid)
        if m is None:
            continue
        src = next((s for s in e.sources if s.article_id == m.article_id), None)
        who = f", attributed to {m.attributed_to}" if m.attributed_to else ""
        out.print(f"\n[{m.status.value}{who}] {src.outlet if src and src.outlet else m.article_id} ({m.article_id} {m.sentence.start}-{m.sentence.end}) {m.id}", markup=False)
        out.print(f"  {m.sentence.text}", markup=False)
        out.print(f"  why: {m.reason}", markup=False)


def _show_article(store, article_id: str, removed: bool) -> None:  # type: ignore[no-untyped-def]
    a = store.article(article_id)
    out.print(f"{a.id}  {a.title or ''}\nsource: {a.source}\noutlet: {a.outlet or '-'}  published: {a.published or '-'}  language: {a.language or '-'}", markup=False)
    if a.skipped:
        out.print(f"skipped: {a.skipped.value} ({a.skip_detail or ''})", markup=False)
    if removed:
        for r in a.removed:
            out.print(f"removed line {r.line_no + 1} ({r.reason}): {r.text}", markup=False)
        return
    out.print("", markup=False)
    out.print(a.text, markup=False)


@main.command()
@click.argument("story_id", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or - for stdout.")
@click.option("--base-url", default="", metavar="URL",
              help="Where `eventdesk serve` runs, for the HTML links to event and article pages "
                   "(default: links from the server's root, as when the web app serves the report).")  # fmt: skip
def report(story_id: str | None, db: str | None, fmt: str, output: str, base_url: str) -> None:
    """Write the flash update of a story (or a report of every story), every sentence cited.

    A flash update gives the time it is as of, the key figures, a dated chronology of the
    events, what is claimed and by whom, where the sources disagree, and the sources; HTML is
    styled and prints on A4.

    \b
    Example:
      eventdesk report s_0123456789abcdef --format html -o report.html
    """
    from eventdesk.report import flash_html, flash_markdown, flash_update, markdown_html, overview_markdown

    store = _store(db)
    if story_id:
        flash = flash_update(store, story_id)
        text = flash_html(flash, base_url) if fmt == "html" else flash_markdown(flash)
    else:
        text = overview_markdown(store)
        text = markdown_html(text) if fmt == "html" else text
    if output == "-":
        click.echo(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        err.print(f"report written to {output}", markup=False)


@main.command(name="eval")
@click.argument("kind", type=click.Choice(["records", "geo", "time", "events", "stories", "copies"]))
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True, help="Gold file (JSONL).")
@click.option("--part", type=click.Choice(["tune", "check", "all"]),
              help="Only this part of the gold (default: tune, check, then all; see evaluate/split.py).")
@click.option("--misses", "--list", "misses", is_flag=True,
              help="Also list every miss and spurious prediction (records: every record with its verdict).")
@click.option("--export", "export", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="records: score this JSONL export instead of running the pipeline.")
@click.option("--baseline", type=click.Choice(["tfidf"]),
              help="stories: score this baseline instead (tfidf: TF-IDF, average link, threshold tuned on the tune part).")
def eval_cmd(kind: str, gold: Path, part: str | None, misses: bool, export: Path | None, baseline: str | None) -> None:  # fmt: skip
    """Evaluate a stage against a gold file; the last line is key=value figures.

    Every dev set has a fixed tune part and check part: read misses on tune, report check.
    `records` runs the whole pipeline on the desk gold's articles and scores what an analyst
    would see, as ../shared/tools/score_records.py does.

    \b
    Example:
      eventdesk eval records --gold ../shared/data/desk-gold/desk_dev.jsonl
      eventdesk eval geo --gold ../shared/data/geoparsing-geovirus/geovirus_dev.jsonl --part check
      eventdesk eval stories --gold ../shared/data/ecbplus-stories-events/ecbplus_dev.jsonl --baseline tfidf
    """
    from eventdesk.evaluate import evaluate

    if export is not None and kind != "records":
        raise click.BadParameter("--export scores an export against the desk gold: use it with `eval records`")
    report_obj = evaluate(kind, gold, part=part, export=export, baseline=baseline)
    for line in report_obj.misses() if misses else []:
        click.echo(line)  # tab-separated, as the shared scorer's --list
    for line in report_obj.details():
        out.print(line, markup=False)
    click.echo(report_obj.summary_line())


@main.command()
@click.option("--articles", "n_articles", type=click.IntRange(1), default=200, show_default=True, help="Corpus size.")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Also time spaCy's full pipeline over the same texts.")
@click.option("--workers", type=click.IntRange(0, 256), default=0, help="Worker processes (0 = one per core).")
@click.option("--results", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Append the summary to this Markdown file (default: bench/results.md when bench/ exists).")
def bench(n_articles: int, baseline: bool, workers: int, results: Path | None) -> None:
    """Benchmark the whole pipeline on a generated corpus; the last line is key=value figures.

    \b
    Example:
      eventdesk bench --articles 200
    """
    from eventdesk.evaluate.bench import append_results, run_bench

    result = run_bench(n_articles, baseline=baseline, workers=workers or None)
    for line in result.details():
        out.print(line, markup=False)
    target = results or (Path("bench/results.md") if Path("bench").is_dir() else None)
    if target is not None:
        append_results(target, n_articles, result)
        out.print(f"appended to {target}", markup=False)
    click.echo(result.summary_line())


def _register_serve() -> None:
    from eventdesk.web.serve import serve_command

    main.add_command(serve_command)


_register_serve()


def _register_review() -> None:
    from eventdesk.cli_review import review_group

    main.add_command(review_group)


_register_review()

if __name__ == "__main__":
    main()
