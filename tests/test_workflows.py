"""The GitHub workflows are safe for pull requests from forks and pinned (issue 11), and give fast,
located feedback with a preview (issue 18); deploy publishes the complete site (issue 15)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+(\.\d+){0,2}\s*$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def jobs(name: str) -> dict:
    return load(ROOT / ".github" / "workflows" / name)["jobs"]


def steps_using(job: dict, action: str) -> list[dict]:
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path):
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", r)]
    assert rows
    for row in rows:
        assert PINNED.match(row), f"not pinned to a full SHA with a '# vX.Y.Z' comment: {row.strip()}"


def test_the_same_action_has_the_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for action, sha in re.findall(r"uses:\s*([\w.-]+/[\w./-]+)@(\S+)", path.read_text(encoding="utf-8")):
            pins.setdefault(action, set()).add(sha)
    assert {a: s for a, s in pins.items() if len(s) > 1} == {}


# What each job may write, and why: everything else reads only.
WRITES = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},  # the Pages deployment
    ("accept-translation.yml", "accept"): {"contents", "pull-requests"},  # the lock, on the PR's branch
    ("preview-publish.yml", "publish"): {"contents", "actions", "pull-requests"},  # previews branch, deploy, link
    ("preview-cleanup.yml", "remove"): {"contents", "actions"},  # previews branch, deploy
}
# Workflows that run with this repository's token on an event a contributor can cause.
PRIVILEGED = {"accept-translation.yml": "issue_comment", "preview-publish.yml": "workflow_run",
              "preview-cleanup.yml": "pull_request_target"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_permissions_are_granted_per_job_and_none_by_default(path):
    workflow = load(path)
    assert workflow.get("permissions") == {}, "the workflow-level default must be no permissions"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} does not state its permissions"
        granted = job["permissions"] or {}
        writes = {k for k, v in granted.items() if v == "write"}
        allowed = WRITES.get((path.name, name), set())
        assert writes <= allowed, f"job {name} may write {writes - allowed}"
        assert set(granted) <= {"contents", "pages", "id-token", "actions", "pull-requests"}, granted


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_the_token_and_privileged_events_run_no_pull_request_code(path):
    workflow = load(path)
    events = set(workflow[True]) if isinstance(workflow[True], dict) else {workflow[True]}
    privileged = events & {"pull_request_target", "workflow_run", "issue_comment"}
    assert privileged <= ({PRIVILEGED[path.name]} if path.name in PRIVILEGED else set()), privileged
    for job in workflow["jobs"].values():
        for step in steps_using(job, "actions/checkout"):
            assert step.get("with", {}).get("persist-credentials") is False
            if privileged:  # only the default branch, the previews branch, or the PR's files into pr/ as data
                ref = step["with"].get("ref", "")
                assert ref in ("previews", "${{ github.event.repository.default_branch }}") or (
                    path.name == "accept-translation.yml" and step["with"]["path"] == "pr"
                ), ref


def test_accept_translation_runs_trusted_code_on_the_pull_requests_files_as_data():
    text = (ROOT / ".github/workflows/accept-translation.yml").read_text(encoding="utf-8")
    job = jobs("accept-translation.yml")["accept"]
    assert "author_association" in job["if"]
    assert "'/accept-translation'" in job["if"]
    checkouts = {s["with"]["path"]: s["with"] for s in steps_using(job, "actions/checkout")}
    assert checkouts["trusted"]["ref"] == "${{ github.event.repository.default_branch }}"
    assert checkouts["pr"]["ref"] == "${{ steps.pr.outputs.head_sha }}"
    for step in job["steps"]:
        run = step.get("run", "")
        assert "${{" not in run, run  # the comment and the branch name reach the shell only through env
        if step.get("working-directory") == "pr":
            assert "python" not in run
            assert "make " not in run
    accept = next(s for s in job["steps"] if s.get("name", "").startswith("Record the translation"))
    assert accept["working-directory"] == "trusted"
    assert "--data ../pr/data translation-status --accept $TARGETS" in accept["run"]
    commit = next(s for s in job["steps"] if "git push" in s.get("run", ""))
    assert "data/translations.lock.yml|docs/*/*.md) ;;" in commit["run"]
    # the source language is refused before the translated pages are let through
    assert commit["run"].index("docs/en/*) echo") < commit["run"].index("docs/*/*.md) ;;")
    assert "unexpected change" in commit["run"]
    assert job["env"]["BODY"] == "${{ github.event.comment.body }}"
    assert "grep -Eq '^[a-z0-9][a-z0-9/._-]*$'" in text


def test_previews_are_published_from_the_artifact_for_content_only_pull_requests():
    job = jobs("preview-publish.yml")["publish"]
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]
    assert '"$state" != "$HEAD_SHA open"' in runs  # the artifact's pull request is the run's, and open
    assert "grep -Ev '^(docs|data)/'" in runs  # a change to code keeps its preview an artifact
    download = steps_using(job, "actions/download-artifact")[0]["with"]
    assert download["run-id"] == "${{ github.event.workflow_run.id }}"
    assert "find preview -type l" in runs
    assert 'previews/pr-$NUMBER' in runs
    assert "gh workflow run deploy.yml" in runs
    for step in job["steps"]:
        assert "${{" not in step.get("run", "")
    cleanup = jobs("preview-cleanup.yml")["remove"]
    assert 'git rm -q -r "previews/pr-$NUMBER"' in "\n".join(s.get("run", "") for s in cleanup["steps"])
    assert load(ROOT / ".github/workflows/preview-cleanup.yml")[True] == {"pull_request_target": {"types": ["closed"]}}


def test_deploy_adds_the_previews_branch_under_previews():
    build = jobs("deploy.yml")["build"]
    names = [s.get("name", "") for s in build["steps"]]
    upload = next(i for i, s in enumerate(build["steps"]) if s.get("uses", "").startswith("actions/upload-pages"))
    add = names.index("Add the previews under site/previews/")
    assert add < upload
    mirror = next(s for s in jobs("deploy.yml")["mirror"]["steps"] if "aws s3 sync" in s.get("run", ""))
    assert "rm -rf site/previews" in mirror["run"]


def test_the_pull_request_workflow_reads_only_and_uses_no_secret():
    path = ROOT / ".github" / "workflows" / "test.yml"
    text = path.read_text(encoding="utf-8")
    assert "secrets." not in text
    assert "GITHUB_TOKEN" not in text
    assert "github.token" not in text
    for job in load(path)["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
    # Values a contributor controls never reach a shell script directly (script injection).
    for job in load(path)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step["run"]


def test_a_fast_check_job_runs_first_and_the_others_wait_for_it():
    all_jobs = jobs("test.yml")
    check = all_jobs["check"]
    runs = [s.get("run", "") for s in check["steps"]]
    assert "make validate" in runs
    assert "make lint" in runs
    assert not any("make test" in r or "make build" in r or "make offline" in r for r in runs)
    assert check["timeout-minutes"] <= 10
    assert steps_using(check, "actions/setup-python")[0]["with"]["cache"] == "pip"
    assert check["env"]["RUFF_OUTPUT_FORMAT"] == "github"
    venv = steps_using(check, "actions/cache")[0]["with"]
    assert (
        venv["path"] == ".venv"
    )
    assert (
        "steps.python.outputs.python-version" in venv["key"]
    )
    assert (
        "requirements.txt" in venv["key"]
    )
    assert all_jobs["test"]["needs"] == "check"
    assert all_jobs["preview"]["needs"] == "check"


def test_pull_requests_get_the_offline_preview_and_a_summary():
    preview = jobs("test.yml")["preview"]
    assert preview["if"] == "github.event_name == 'pull_request'"
    runs = "\n".join(s.get("run", "") for s in preview["steps"])
    assert "make offline" in runs
    assert "unzip -q dist/shenzhen-ict-csr-offline.zip -d dist/preview" in runs
    assert "-m macros pr-summary" in runs
    upload = steps_using(preview, "actions/upload-artifact")[0]["with"]
    assert upload["path"] == "dist/preview"
    assert upload["if-no-files-found"] == "error"
    assert steps_using(preview, "actions/checkout")[0]["with"]["fetch-depth"] == 0


def test_deploy_builds_the_complete_site_and_only_deploy_may_write_pages():
    all_jobs = jobs("deploy.yml")
    build = all_jobs["build"]
    assert any("make site" in s.get("run", "") for s in build["steps"])
    assert steps_using(build, "actions/upload-pages-artifact")[0]["with"]["path"] == "site"
    assert build["permissions"] == {"contents": "read"}
    assert all_jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps_using(all_jobs["deploy"], "actions/deploy-pages")


def test_the_bucket_mirror_is_optional_and_holds_no_permission():
    mirror = jobs("deploy.yml")["mirror"]
    assert mirror["if"] == "github.ref == 'refs/heads/main' && vars.MIRROR_BUCKET != ''"  # main, when configured
    assert mirror["permissions"] == {}
    assert mirror["needs"] == "build"
    sync = next(s for s in mirror["steps"] if "aws s3 sync" in s.get("run", ""))
    assert "--endpoint-url" in sync["run"]
    assert "--delete" in sync["run"]
    assert sync["env"]["AWS_ACCESS_KEY_ID"] == "${{ secrets.MIRROR_ACCESS_KEY_ID }}"
    assert "${{" not in sync["run"]


def test_only_main_is_deployed_or_mirrored():
    all_jobs = jobs("deploy.yml")
    for name, environment in (("deploy", "github-pages"), ("mirror", "mirror")):
        assert all_jobs[name]["if"].startswith("github.ref == 'refs/heads/main'"), name
        assert all_jobs[name]["environment"]["name"] == environment
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert "Deployment branches" in text  # what to set in the repository settings


def test_dependabot_keeps_the_action_pins_current():
    config = load(ROOT / ".github" / "dependabot.yml")
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert ecosystems["github-actions"]["directory"] == "/"


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md"])
def test_contributing_shows_what_a_pull_request_gets(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for needle in ("Files changed", "Summary", "Artifacts", "site-preview-pr-", "shenzhen-ict-csr-offline/index.html"):
        assert needle in text, needle
    images = re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", text)
    assert len(images) == 2
    for image in images:
        path = ROOT / image
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
        assert path.stat().st_size < 100_000, image
        assert not image.startswith("docs/"), "screenshots of GitHub stay out of the published site"
