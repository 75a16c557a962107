"""The document cache and parallel reading: the same audit, faster, and never stale."""

import dataclasses
import gc
import json
import os
import pickle

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.errors import InputError
from auditor.load import cache as cache_module
from auditor.load import reader
from auditor.load.cache import open_cache
from auditor.render.json import render_json
from tests.conftest import NOW


def page(n: int, link: str = "p0.md") -> str:
    return (
        f"---\ntitle: Page {n}\nsummary: About {n}.\nowner: ann\nreviewed: 2026-0{n % 9 + 1}-01\n"
        f"---\n# Page {n}\n\nSee [the first page]({link}). The SLA applies.\n"
    )


@pytest.fixture
def wiki(write_tree):
    return write_tree({f"p{n}.md": page(n) for n in range(12)})


@pytest.fixture
def config(tmp_path):
    return Config(now=NOW, git_history=False, cache_dir=str(tmp_path / "cache"))


def report(result) -> dict:
    """The JSON report without the facts about how it was read, and the settings."""
    data = json.loads(render_json(result))
    data["inputs"].pop("reading")
    data.pop("config")
    return data


def cache_facts(result) -> dict:
    return result.inputs["reading"]["cache"]


def test_a_second_audit_reuses_every_unchanged_file_and_reports_the_same(wiki, config):
    first = audit(wiki, config)
    second = audit(wiki, config)
    assert cache_facts(first)["reused"] == 0 and cache_facts(first)["read"] == 12
    assert cache_facts(second)["reused"] == 12 and cache_facts(second)["read"] == 0
    assert report(second) == report(first)


def test_a_changed_file_is_read_again(wiki, config):
    audit(wiki, config)
    changed = wiki / "p3.md"
    changed.write_text(page(3, link="gone.md"))
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    result = audit(wiki, config)
    assert cache_facts(result)["read"] == 1
    assert [(f.path, f.id) for f in result.findings if f.id == "T020"] == [("p3.md", "T020")]


def test_same_size_and_time_is_trusted_as_unchanged(wiki, config):
    """The documented key: path, size and modification time (as make and rsync do)."""
    audit(wiki, config)
    target = wiki / "p4.md"
    stat = target.stat()
    target.write_text(page(4).replace("Page 4", "Side 4"))  # same length
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = audit(wiki, config)
    assert cache_facts(result)["reused"] == 12


def test_deleted_files_leave_the_cache_and_new_ones_are_read(wiki, config):
    audit(wiki, config)
    (wiki / "p5.md").unlink()
    (wiki / "new.md").write_text(page(99))
    result = audit(wiki, config)
    assert cache_facts(result)["read"] == 1 and cache_facts(result)["reused"] == 11
    assert "p5.md" not in {d["path"] for d in result.documents}
    cache = open_cache(wiki, config)
    assert set(cache.stamps) == {f"p{n}.md" for n in range(12) if n != 5} | {"new.md"}


def test_settings_that_shape_a_row_start_a_new_cache_and_others_do_not(wiki, config):
    audit(wiki, config)
    other_rows = dataclasses.replace(config, entry_pages=["p0"])
    assert cache_facts(audit(wiki, other_rows))["reused"] == 0
    same_rows = dataclasses.replace(config, fail_on="warning", select=["T020"], lang="nl")
    assert cache_facts(audit(wiki, same_rows))["reused"] == 12


def test_a_damaged_cache_is_ignored_rebuilt_and_said(wiki, config):
    audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    file.write_bytes(b"not a pickle")
    result = audit(wiki, config)
    assert cache_facts(result)["reused"] == 0
    assert "cache ignored and rebuilt" in cache_facts(result)["note"]
    assert cache_facts(audit(wiki, config))["reused"] == 12


def test_a_cache_cut_short_serves_nothing_it_holds(wiki, config, monkeypatch):
    monkeypatch.setattr(cache_module, "_BATCH", 5)  # 12 documents: three pickles after a header
    audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    assert cache_facts(audit(wiki, config))["reused"] == 12
    data = file.read_bytes()
    file.write_bytes(data[: len(data) * 2 // 3])  # the first batches are intact
    result = audit(wiki, config)
    assert cache_facts(result)["reused"] == 0
    assert "cache ignored and rebuilt" in cache_facts(result)["note"]


def test_no_cache_writes_nothing(wiki, config):
    result = audit(wiki, dataclasses.replace(config, cache=False))
    assert result.inputs["reading"]["cache"] is None
    assert not (wiki.parent / "cache").exists()


def test_a_cache_folder_inside_the_scanned_folder_is_never_used(wiki, config):
    before = sorted(p.name for p in wiki.rglob("*"))
    result = audit(wiki, dataclasses.replace(config, cache_dir=str(wiki / ".cache")))
    assert result.inputs["reading"]["cache"] is None
    assert sorted(p.name for p in wiki.rglob("*")) == before


def test_an_unwritable_cache_folder_is_a_note_not_a_failure(wiki, config, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = audit(wiki, dataclasses.replace(config, cache_dir=str(blocker / "cache")))
    assert "cache not saved" in cache_facts(result)["note"]
    assert len(result.documents) == 12


def test_reading_in_parallel_gives_what_reading_in_one_process_gives(
    write_tree, config, monkeypatch
):
    files = {f"f{n // 20}/p{n}.md": page(n, link=f"../f0/p{n % 7}.md") for n in range(90)}
    files["bin.md"] = b"\x00\x01binary"
    wiki = write_tree(files)
    monkeypatch.setattr(reader, "PARALLEL_FROM", 10)
    monkeypatch.setattr(reader, "CHUNK", 7)
    calls = []
    serial = audit(wiki, dataclasses.replace(config, jobs=1, cache=False))
    parallel = audit(
        wiki,
        dataclasses.replace(config, jobs=2, cache=False),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert parallel.inputs["reading"]["jobs"] == 2
    assert report(parallel) == report(serial)
    assert calls[-1] == (91, 91) and [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert [s.path for s in parallel.skipped] == ["bin.md"]


@pytest.mark.parametrize("jobs", [-1, "2", True])
def test_jobs_must_be_a_whole_number(jobs):
    from auditor.errors import ConfigError

    with pytest.raises(ConfigError, match="jobs must be a whole number"):
        Config(jobs=jobs).validated()


def test_an_audit_that_changed_nothing_does_not_rewrite_the_cache(wiki, config):
    audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    written = file.stat().st_mtime_ns
    audit(wiki, config)
    assert file.stat().st_mtime_ns == written
    (wiki / "p1.md").unlink()  # a file gone: its entry must go
    audit(wiki, config)
    assert file.stat().st_mtime_ns != written


def test_an_audit_pauses_the_cycle_collector_and_gives_it_back(wiki, config, tmp_path):
    """auditor/heap.py: no collection walks the rows while they are read; afterwards, and
    after an audit that fails, the collector runs as before."""
    during: list[bool] = []
    audit(wiki, config, progress=lambda done, total: during.append(gc.isenabled()))
    assert during and not any(during)
    assert gc.isenabled()
    with pytest.raises(InputError):
        audit(tmp_path / "no such folder", config)
    assert gc.isenabled()
    gc.disable()  # a caller who turned it off keeps it off
    try:
        audit(wiki, config)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_few_changed_files_are_read_again_rather_than_the_cache_rewritten(write_tree, config):
    """Writing the cache costs as much as reading a few percent of the files: below
    REWRITE_FROM of them changed, they are read again next time instead."""
    wiki = write_tree({f"p{n}.md": page(n) for n in range(200)})
    audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    written = file.stat().st_mtime_ns
    (wiki / "p7.md").write_text(page(7) + "\nOne more line.\n", encoding="utf-8")
    for _ in range(2):  # not rewritten: the changed page is read again each time
        assert cache_facts(audit(wiki, config))["read"] == 1
        assert file.stat().st_mtime_ns == written
    for n in range(8, 12):  # 5 of 200 changed: more than 2%
        (wiki / f"p{n}.md").write_text(page(n) + "\nEdited.\n", encoding="utf-8")
    assert cache_facts(audit(wiki, config))["read"] == 5
    assert file.stat().st_mtime_ns != written
    assert cache_facts(audit(wiki, config))["read"] == 0


def test_a_cache_that_fails_half_written_keeps_the_old_one_and_every_document(
    write_tree, config, monkeypatch
):
    """The cache is written as documents are read: a disk that fills up in the middle
    loses neither a document of this audit nor the cache the last one left."""
    monkeypatch.setattr(cache_module, "_BATCH", 5)
    wiki = write_tree({f"p{n}.md": page(n) for n in range(12)})
    audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    old = file.read_bytes()
    for n in range(12):  # every file changed: the cache is written anew
        (wiki / f"p{n}.md").write_text(page(n) + "\nEdited.\n", encoding="utf-8")
    dumps, dump = [], pickle.dump

    def full_disk(data, out, protocol):
        dumps.append(len(data))  # the header's keys, then entries a batch (batches are reused)
        if len(dumps) == 3:  # the header and one batch went through
            raise OSError(28, "No space left on device")
        return dump(data, out, protocol)

    monkeypatch.setattr(cache_module.pickle, "dump", full_disk)
    result = audit(wiki, config)
    assert len(result.documents) == 12 and cache_facts(result)["read"] == 12
    assert "cache not saved" in cache_facts(result)["note"]
    assert "No space left on device" in cache_facts(result)["note"]
    assert dumps == [2, 5, 5]  # failed half-way, then wrote no more
    assert file.read_bytes() == old
    assert [p.name for p in (wiki.parent / "cache").iterdir()] == [file.name]  # no leftovers


def test_a_cache_damaged_in_the_middle_serves_what_it_can_and_the_rest_is_read_again(
    wiki, config, monkeypatch
):
    """Entries are read from the cache as the audit comes to them: a batch that cannot be
    read is found only then. The documents it held are read from the files instead, and
    the damaged file goes, so the next audit writes it anew."""
    monkeypatch.setattr(cache_module, "_BATCH", 5)  # 12 documents: three batches
    first = audit(wiki, config)
    (file,) = (wiki.parent / "cache").iterdir()
    with file.open("rb") as stored:
        header, batch = pickle.load(stored), pickle.load(stored)
    damaged = pickle.dumps(header) + pickle.dumps(batch) + b"\x80\x05garbage"
    file.write_bytes(damaged + pickle.dumps(cache_module._END, cache_module._PROTOCOL))

    second = audit(wiki, config)
    assert report(second) == report(first)
    assert (cache_facts(second)["reused"], cache_facts(second)["read"]) == (5, 7)
    assert "cache ignored and rebuilt" in cache_facts(second)["note"]
    assert not file.exists()
    assert cache_facts(audit(wiki, config))["reused"] == 0
    assert cache_facts(audit(wiki, config))["reused"] == 12


def test_a_cache_that_cannot_replace_the_old_one_is_a_note(wiki, config, monkeypatch):
    """The last step, renaming the new file over the old one, fails on Windows while the
    old file is open, or on a full or read-only disk: the audit goes on without it."""
    audit(wiki, config)
    for n in range(12):
        (wiki / f"p{n}.md").write_text(page(n) + "\nEdited.\n", encoding="utf-8")

    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache_module.os, "replace", refuse)
    result = audit(wiki, config)
    assert len(result.documents) == 12
    assert "cache not saved" in cache_facts(result)["note"]
    assert "Permission denied" in cache_facts(result)["note"]
