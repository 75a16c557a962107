"""The CI examples and the pre-commit hook: every kb-audit command in them exists in the real
CLI, every report file a step reads is the one the command writes, and the hook really runs."""

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml
from click.testing import CliRunner
from identify.identify import tags_from_filename
from pre_commit.clientlib import load_config, load_manifest

from auditor.cli import cli
from auditor.output import report_targets
from auditor.render import RENDERERS
from tests.conftest import REPO
from tests.gitrepo import Repo, isolated_git  # noqa: F401 (fixture)

CI = REPO / "examples" / "ci"
HOOKS = REPO / ".pre-commit-hooks.yaml"
USER_HOME = os.environ.get("HOME", "")  # before isolated_git: pip's cache lives there

# Values for `${{ github.x }}` and `$VAR` where a real one matters; anything else is "x".
KNOWN = {"github.server_url": "https://github.com", "GITHUB_SERVER_URL": "https://github.com"}
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")
SHELL_OPERATORS = {"&&", "||", ";", "|", "(", ")", ">", ">>", "<"}


def fill(text: str, env: dict[str, str]) -> str:
    """The text as the shell would see it, with known or placeholder values."""
    text = EXPRESSION.sub(lambda m: KNOWN.get(m[1], "x"), text)

    def variable(m: re.Match) -> str:
        name = m[1] or m[2]
        return fill(env[name], {}) if name in env else KNOWN.get(name, "x")

    return VARIABLE.sub(variable, text)


def kb_audit_commands(script: str, env: dict[str, str]) -> list[list[str]]:
    """The arguments of every `kb-audit …` command in a shell script."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(fill(line, env), posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        for word in [*lexer, ";"]:
            if word not in SHELL_OPERATORS:
                words.append(word)
                continue
            if words[:1] == ["kb-audit"]:
                commands.append(words[1:])
            words = []
    return commands


def parse(args: list[str]):
    """Parse like the real CLI does: click refuses unknown options and bad values here."""
    name, *rest = args
    assert name in cli.commands, f"kb-audit has no command {name!r}"
    ctx = cli.commands[name].make_context(name, rest)
    formats = [f for value in ctx.params.get("formats", ()) for f in value.split(",")]
    assert set(formats) <= set(RENDERERS), f"unknown format in {args}"
    return ctx, formats


def targets(args: list[str]) -> dict[str, str]:
    """Where a scan command writes each format, decided by the CLI's own rules."""
    ctx, formats = parse(args)
    where = report_targets(formats, ctx.params["output"], Path(ctx.params["path"]))
    return {fmt: PurePosixPath(path).as_posix() for fmt, path in where.items()}


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# GitHub Actions -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workflow():
    return load(CI / "github-actions.yml")


def steps(workflow) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def using(workflow, action: str) -> list[dict]:
    return [step for step in steps(workflow) if step.get("uses", "").startswith(action)]


def github_commands(workflow) -> list[list[str]]:
    commands = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            env = workflow.get("env", {}) | job.get("env", {}) | step.get("env", {})
            commands += kb_audit_commands(step.get("run", ""), env)
    return commands


def test_github_workflow_runs_on_schedule_by_hand_and_on_pull_requests(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert {"schedule", "workflow_dispatch", "pull_request"} <= set(triggers)
    assert triggers["schedule"][0]["cron"].split()[4] != "*", "weekly, not daily"


def test_github_commands_exist_in_the_cli(workflow):
    commands = github_commands(workflow)
    assert len(commands) >= 2, "the scheduled and the pull-request audit"
    scans = [parse(args)[0].params for args in commands]
    assert all(p["baseline"] and p["report_url"] for p in scans), scans
    assert any(p["history"] for p in scans), "the scheduled audit keeps the trend"
    assert any(p["changed_since"] == "origin/x" for p in scans), "pull requests: changes only"


def test_github_steps_read_the_files_the_audit_writes(workflow):
    all_steps = steps(workflow)
    readers = {
        "markdown": [s["run"] for s in all_steps if "GITHUB_STEP_SUMMARY" in s.get("run", "")],
        "sarif": [s["with"]["sarif_file"] for s in using(workflow, "github/codeql-action/upload")],
        "html": [s["with"]["path"] for s in using(workflow, "actions/upload-artifact")],
    }
    conditions = " ".join(s.get("if", "") for s in all_steps)
    for args in github_commands(workflow):
        written = targets(args)
        for fmt, texts in readers.items():
            assert texts, f"no step reads the {fmt} report"
            assert PurePosixPath(written[fmt]).name == RENDERERS[fmt][0]
            assert all(written[fmt] in text.split() for text in texts), (fmt, written, texts)
        for checked in re.findall(r"hashFiles\('([^']+)'\)", conditions):
            assert checked in written.values(), f"hashFiles({checked!r}) is never written"


def test_github_reports_are_kept_when_the_audit_fails(workflow):
    all_steps = steps(workflow)
    audit = next(i for i, s in enumerate(all_steps) if "kb-audit scan" in s.get("run", ""))
    after = all_steps[audit + 1 :]
    assert after and all("always()" in s.get("if", "") for s in after), after


def test_github_dates_by_full_history_and_may_upload_sarif(workflow):
    (checkout,) = using(workflow, "actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    permissions = workflow["permissions"]
    assert permissions["security-events"] == "write" and permissions["contents"] == "read"


def test_github_caches_the_history_database(workflow):
    # restore and save, not actions/cache: it saves only when the job succeeds
    caches = using(workflow, "actions/cache/")
    assert sorted(s["uses"].split("@")[0] for s in caches) == [
        "actions/cache/restore",
        "actions/cache/save",
    ]
    for args in github_commands(workflow):
        history = parse(args)[0].params["history"]
        if history:
            for cache in caches:
                assert PurePosixPath(history).is_relative_to(cache["with"]["path"]), cache
                assert "github.run_id" in cache["with"]["key"], "cache entries are immutable"
    restore = next(s for s in caches if s["uses"].startswith("actions/cache/restore"))
    assert restore["with"]["key"].startswith(restore["with"]["restore-keys"])


# GitLab CI ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gitlab_job():
    pipeline = load(CI / "gitlab-ci.yml")
    return pipeline["kb-audit"]


def gitlab_commands(job) -> list[list[str]]:
    lines = job.get("before_script", []) + job["script"]
    return [args for line in lines for args in kb_audit_commands(line, job.get("variables", {}))]


def test_gitlab_commands_exist_in_the_cli(gitlab_job):
    commands = gitlab_commands(gitlab_job)
    assert commands, "no kb-audit command found"
    for args in commands:
        params = parse(args)[0].params
        assert params["baseline"] and params["history"], args


def test_gitlab_reports_are_the_files_the_audit_writes(gitlab_job):
    artifacts = gitlab_job["artifacts"]
    assert artifacts["when"] == "always" and artifacts["expose_as"]
    for args in gitlab_commands(gitlab_job):
        written = targets(args)
        assert artifacts["reports"]["codequality"] == written["gitlab"]
        assert artifacts["reports"]["junit"] == written["junit"]
        assert written["html"] in artifacts["paths"]
        history = parse(args)[0].params["history"]
        assert any(PurePosixPath(history).is_relative_to(p) for p in gitlab_job["cache"]["paths"])
    assert gitlab_job["cache"]["when"] == "always", "keep the history when the audit fails"


def test_gitlab_dates_by_full_history_on_schedules_and_merge_requests(gitlab_job):
    assert str(gitlab_job["variables"]["GIT_DEPTH"]) == "0"
    rules = " ".join(rule["if"] for rule in gitlab_job["rules"])
    assert "schedule" in rules and "merge_request_event" in rules


# pre-commit -----------------------------------------------------------------------------


def readme_config(tmp_path: Path) -> dict:
    """The `.pre-commit-config.yaml` examples/ci/README.md tells users to write."""
    readme = (CI / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repos:" in b)
    path = tmp_path / "readme-config.yaml"
    path.write_text(block, encoding="utf-8")
    return load_config(str(path))  # pre-commit's own validation


def test_hook_manifest_runs_kb_audit_check():
    (hook,) = [h for h in load_manifest(str(HOOKS)) if h["id"] == "kb-audit"]
    program, command = shlex.split(hook["entry"])
    assert program == "kb-audit" and command in cli.commands
    assert hook["language"] == "python" and hook["pass_filenames"] and hook["require_serial"]
    for page in ("index.md", "a.markdown", "b.mdx", "export/Page_12.html"):
        assert set(hook["types_or"]) & tags_from_filename(page), page
    assert not set(hook["types_or"]) & tags_from_filename("setup.py")


def test_readme_hook_arguments_exist_in_the_cli(tmp_path):
    (hook,) = readme_config(tmp_path)["repos"][0]["hooks"]
    (entry,) = [h["entry"] for h in load_manifest(str(HOOKS)) if h["id"] == hook["id"]]
    ctx, _ = parse([*shlex.split(entry)[1:], *hook["args"], "docs/index.md"])
    assert ctx.params["root"] == Path("docs")


@pytest.fixture(scope="module")
def hook_repo(pytestconfig, tmp_path_factory) -> tuple[Path, str, Path]:
    """This working tree as pre-commit installs it, uncommitted and new files included.

    `pre-commit try-repo` would install into a fresh temporary store every run (about 30 s
    each) and leaves out files git does not track yet. So: the files `pip install .` needs,
    committed to a repository whose path is named by their content, and a pre-commit home
    beside it: the hook's environment is built once per version of the package."""
    listed = snapshot_git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    skip = ("tests/", "docs/", "examples/", "benchmarks/", ".ci/")
    files = sorted(
        f for f in listed.split("\0") if f and not f.startswith(skip) and (REPO / f).is_file()
    )
    digest = hashlib.sha256()
    for name in files:
        path = REPO / name
        digest.update(f"{name}\0{path.stat().st_mode & 0o111}\0".encode() + path.read_bytes())
    cache = (  # pytest's cache folder keeps the build between runs, when there is one
        Path(pytestconfig.cache.mkdir("kb-audit-hook"))
        if getattr(pytestconfig, "cache", None)
        else tmp_path_factory.mktemp("kb-audit-hook")
    )
    home = cache / digest.hexdigest()[:16]
    repo = home / "repo"
    if not (repo / ".git").is_dir():
        for old in cache.iterdir():  # one at a time: each holds a virtualenv with pandas
            shutil.rmtree(old)
        building = home / "building"
        for name in files:
            (building / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, building / name)
        snapshot_git("init", "-q", cwd=building)
        snapshot_git("add", "--force", "--all", cwd=building)
        snapshot_git("commit", "-q", "-m", "kb-audit working tree", cwd=building)
        building.rename(repo)
    return repo, snapshot_git("rev-parse", "HEAD", cwd=repo).strip(), home / "pre-commit"


def snapshot_git(*args: str, cwd: Path) -> str:
    """git without the user's configuration or a calling hook's GIT_DIR."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {f"GIT_{who}_{what}": value for who in ("AUTHOR", "COMMITTER")
            for what, value in (("NAME", "Test"), ("EMAIL", "test@example.org"))}  # fmt: skip
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def page(title: str, body: str) -> str:
    """A page with everything kb-audit asks for, so that a broken link is its only finding."""
    return f"---\nowner: Ann\ntype: tool\nsummary: About {title}.\n---\n# {title}\n\n{body}\n"


def test_pre_commit_hook_fails_on_a_broken_link_and_passes_when_fixed(hook_repo, tmp_path):
    repo, rev, home = hook_repo
    config = readme_config(tmp_path)
    config["repos"][0] |= {"repo": str(repo), "rev": rev}
    config_file = tmp_path / "pre-commit-config.yaml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    wiki = Repo(tmp_path / "wiki")
    wiki.commit("2026-11-02", write={
        "docs/index.md": page("Home", "See [the guide](guide.md)."),
        "docs/guide.md": page("Guide", "Ask [support](support.md)."),
    })  # fmt: skip

    def pre_commit() -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "pre_commit", "run", "--config", str(config_file)]
        return subprocess.run(
            [*command, "--all-files", "--verbose"], cwd=wiki.path, capture_output=True,
            text=True, env=os.environ | {"PRE_COMMIT_HOME": str(home), "HOME": USER_HOME},
        )  # fmt: skip

    broken = pre_commit()
    assert broken.returncode != 0, broken.stdout + broken.stderr
    assert "guide.md" in broken.stdout and "T020" in broken.stdout, broken.stdout
    assert "index.md" not in broken.stdout, "only pages with findings are named"

    wiki.commit("2026-11-03", write={"docs/guide.md": page("Guide", "Back [home](index.md).")})
    fixed = pre_commit()
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "T020" not in fixed.stdout


# The adoption the README describes --------------------------------------------------------


def test_pipelines_pass_on_a_baselined_wiki_and_write_the_reports_their_steps_read(
    workflow, gitlab_job, tmp_path, monkeypatch
):
    wiki = Repo(tmp_path / "wiki")
    wiki.commit("2026-11-02", write={
        "docs/index.md": "# Home\n\nSee [the guide](guide.md) and [the old page](old.md).\n",
        "docs/guide.md": "# Guide\n\nBack [home](index.md).\n",
    })  # fmt: skip
    wiki.git("update-ref", "refs/remotes/origin/x", "HEAD")  # a pull request's base branch
    monkeypatch.chdir(wiki.path)
    readme = (CI / "README.md").read_text(encoding="utf-8")
    (write_baseline,) = [
        args
        for block in re.findall(r"```sh\n(.*?)```", readme, re.S)
        for args in kb_audit_commands(block, {})
    ]
    assert run(write_baseline).exit_code == 0

    commands = github_commands(workflow) + gitlab_commands(gitlab_job)
    for args in commands:
        shutil.rmtree("kb-audit-report", ignore_errors=True)
        result = run(args)
        assert result.exit_code == 0, f"{args}: the broken link is in the baseline\n{result.output}"
        missing = [path for path in targets(args).values() if not Path(path).is_file()]
        assert not missing, args


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_pre_commit_try_repo_runs_the_hook_against_a_fixture(hook_repo, tmp_path):
    """The way a user tries a hook before adopting it. try-repo builds the hook's
    environment afresh each time (about 25 s), so this runs once, on a broken link."""
    repo, _, _ = hook_repo
    wiki = Repo(tmp_path / "wiki")
    wiki.commit("2026-11-02", write={
        "index.md": page("Home", "See [the guide](guide.md)."),
        "guide.md": page("Guide", "Ask [support](support.md)."),
    })  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), "kb-audit", "--all-files",
         "--verbose"],
        cwd=wiki.path, capture_output=True, text=True,
        env=os.environ | {"PRE_COMMIT_HOME": str(tmp_path / "store"), "HOME": USER_HOME},
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert "guide.md" in done.stdout and "T020" in done.stdout, done.stdout
    assert "support.md" in done.stdout
