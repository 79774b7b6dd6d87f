"""`eventdesk review ...` on a small store (CliRunner): each action, its exit codes, the trail."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner, Result

from eventdesk.cli import EXIT_ERROR, EXIT_NOT_FOUND, main
from eventdesk.store import Store


def _run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, env={"EVENTDESK_REVIEWER": "cli-tester"})


def test_every_review_command_has_help_with_an_example() -> None:
    for name in ("confirm", "reject", "edit", "split", "merge", "history"):
        result = _run("review", name, "--help")
        assert result.exit_code == 0 and f"eventdesk review {name}" in result.output.split("Example:", 1)[1]


def test_edit_with_options_sets_the_fields_and_keeps_the_others(reviewable: str) -> None:
    result = _run("review", "edit", "e_shooting", "--db", reviewable, "--place", "Rambukkana", "--lat", "7.3247",
                  "--lon", "80.3914", "--admin1", "Sabaragamuwa Province", "--count", "killed=1-2:1@protesters",
                  "--count", "injured=13+", "--actor", "actor1=Police Forces of Sri Lanka|police", "--note", "per the wire")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "edited (set: actors, counts, place)" in result.output
    event = Store(reviewable).event("e_shooting")
    assert (event.place.name, event.place.lat, event.place.admin1) == ("Rambukkana", 7.3247, "Sabaragamuwa Province")
    assert [(c.kind, c.low, c.high, c.best, c.who) for c in event.counts] == [("killed", 1, 2, 1, "protesters"), ("injured", 13, None, 13, None)]
    assert [(a.role, a.name, a.kind) for a in event.actors if a.role == "actor1"] == [("actor1", "Police Forces of Sri Lanka", "police")]
    history = _run("review", "history", "e_shooting", "--db", reviewable).output
    assert "Rambukkana, Sabaragamuwa Province, LK (7.3247, 80.3914)" in history and "cli-tester" in history
    assert "per the wire" in history and "killed 1-2 (protesters); injured 13+" in history


def test_edit_from_json_on_stdin(reviewable: str) -> None:
    fields = {"event_type": "Riots", "sub_event_type": "Mob violence", "when": {"value": "2022-04-18", "precision": "day"}}
    result = _run("review", "edit", "e_shooting", "--db", reviewable, "--json", "-", "--by", "jd", stdin=json.dumps(fields))
    assert result.exit_code == 0, result.output
    event = Store(reviewable).event("e_shooting")
    assert (event.event_type, event.sub_event_type, str(event.when.value)) == ("Riots", "Mob violence", "2022-04-18")
    lines = _run("review", "history", "--json", "--db", reviewable).output.splitlines()
    assert [json.loads(line)["field"] for line in lines] == ["event_type", "sub_event_type", "when"]
    assert {json.loads(line)["reviewer"] for line in lines} == {"jd"}


def test_bad_edits_are_one_line_errors(reviewable: str) -> None:
    cases = [
        (["--count", "killed=lots"], "the range is N, N-M or N+"),
        (["--sub-type", "Mob violence"], "sub-type of Riots, not of Protests"),
        (["--country", "Sri Lanka"], "for Sri Lanka use LK"),
        (["--json", "-"], "must be a JSON object"),
    ]
    for args, words in cases:
        result = _run("review", "edit", "e_shooting", "--db", reviewable, *args, stdin="[1]")
        assert result.exit_code == EXIT_ERROR, result.output
        assert words in result.output and "Traceback" not in result.output
    assert _run("review", "edit", "e_shooting", "--db", reviewable).exit_code == 2  # nothing to set: usage
    assert _run("review", "confirm", "e_nope", "--db", reviewable).exit_code == EXIT_NOT_FOUND
    assert Store(reviewable).review_history() == []


def test_reject_hides_from_events_and_export_until_asked(reviewable: str) -> None:
    assert _run("review", "reject", "e_riot", "--db", reviewable, "--note", "a bus fire").exit_code == 0
    listed = _run("events", "--db", reviewable).output
    assert "e_shooting" in listed and "e_riot" not in listed
    assert "e_riot" in _run("events", "--db", reviewable, "--review", "rejected").output
    rows = list(csv.DictReader(io.StringIO(_run("export", "--format", "csv", "--review", "all", "--db", reviewable).output)))
    assert {r["event_id"]: r["review_status"] for r in rows} == {"e_shooting": "unreviewed", "e_riot": "rejected"}
    records = [json.loads(line) for line in _run("export", "--db", reviewable).output.splitlines()]
    assert [(r["event_id"], r["review_status"], r["edited_fields"]) for r in records] == [("e_shooting", "unreviewed", [])]
    assert _run("review", "confirm", "e_riot", "--db", reviewable).exit_code == 0
    assert "e_riot" in _run("events", "--db", reviewable).output


def test_split_then_merge_back(reviewable: str) -> None:
    shown = _run("show", "e_shooting", "--db", reviewable).output
    mention = Store(reviewable).event("e_shooting").mention_ids[-1]
    assert mention in shown  # show names each mention's id, for split
    result = _run("review", "split", "e_shooting", mention, "--db", reviewable)
    assert result.exit_code == 0, result.output
    kept, new_id = [line.split()[0] for line in result.output.splitlines() if line.startswith("e_")]  # "<id>  edited"
    assert kept == "e_shooting"
    assert Store(reviewable).event(new_id).mention_ids == [mention]
    assert _run("review", "merge", "e_shooting", new_id, "--db", reviewable).exit_code == 0
    gone = _run("show", new_id, "--db", reviewable)
    assert gone.exit_code == EXIT_NOT_FOUND and "merged into 'e_shooting'" in gone.output
    assert [e.action for e in Store(reviewable).review_history(new_id)] == ["split", "merge"]
    assert _run("review", "merge", "e_shooting", "e_shooting", "--db", reviewable).exit_code == EXIT_ERROR
