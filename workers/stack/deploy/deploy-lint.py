#!/usr/bin/env python3
"""`npm test -- deploy`: the Dockerfiles, the compose file and the Helm chart, checked without a
container runtime, a cluster or a helm binary. The linters come from PyPI (lint-requirements.txt),
installed by .ci/run into .tools/deploy-lint. Each check prints ✔ or ✘ with what failed; the last
line counts them, and the exit status is 1 when any failed.

Beyond the linters' own rules, it asserts what the deployment promises: every container non-root
on a read-only root filesystem, each department's key reaching only that department's worker, the
database owner only the migrations job, no secret written into a rendered manifest.
"""
from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parents[2]
TOOLS = Path(os.environ.get("VO_DEPLOY_LINT_TOOLS", ROOT / ".tools" / "deploy-lint"))
CHART = DEPLOY / "helm" / "visit-once"
KUBERNETES_VERSION = "1.33.0"
DEPARTMENTS = [
    "public-security", "health", "civil-affairs", "human-resources",
    "taxation", "natural-resources", "market-regulation", "medical-security",
]
REQUIREMENTS = DEPLOY / "lint-requirements.txt"

# Installed on first use, and again when their pins change, like the Temporal CLI (.ci/run does the same).
installed = TOOLS / "requirements.txt"
if not installed.exists() or installed.read_text() != REQUIREMENTS.read_text():
    print(f"installing the deployment linters (PyPI, {REQUIREMENTS.relative_to(ROOT)}) into {TOOLS}", flush=True)
    subprocess.run(["rm", "-rf", str(TOOLS)], check=True)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target", str(TOOLS), "-r", str(REQUIREMENTS)]
    if subprocess.run(pip).returncode != 0:
        print(f"Could not install the deployment linters; run, from the repository root:\n  {' '.join(pip)}")
        sys.exit(1)
    installed.write_text(REQUIREMENTS.read_text())
sys.path.insert(0, str(TOOLS))
import helm_python as helm  # noqa: E402
import kubernetes_validate  # noqa: E402
import yaml  # noqa: E402

results: list[tuple[str, bool]] = []


def check(name: str, fn: Callable[[], list[str]]) -> None:
    """Runs one check; it returns the problems it found (none: passed)."""
    try:
        problems = fn()
    except Exception as e:  # a check that crashes has failed, with its reason
        problems = [f"{type(e).__name__}: {e}"]
    results.append((name, not problems))
    print(f"{'✔' if not problems else '✘'} {name}")
    for p in problems:
        print("    " + p.replace("\n", "\n    "))


def run(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> list[str]:
    done = subprocess.run(args, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    if done.returncode == 0:
        return []
    return [f"{Path(args[0]).name} exited {done.returncode}:", (done.stdout + done.stderr).strip()]


def tracked(pattern: str) -> list[str]:
    skip = ("node_modules", ".tools", ".git", ".next", ".data")
    return sorted(p for p in glob.glob(pattern, root_dir=ROOT, recursive=True) if not any(s in Path(p).parts for s in skip))


# --- Dockerfiles -------------------------------------------------------------------------------
dockerfiles = tracked("**/Dockerfile*")
check(f"hadolint: {len(dockerfiles)} Dockerfiles", lambda: run([str(TOOLS / "bin" / "hadolint"), "--no-color", "--config", str(DEPLOY / "hadolint.yaml"), *dockerfiles]))


def dockerfile_rules() -> list[str]:
    """What hadolint does not ask: pinned base image, a non-root user, no dev install at runtime."""
    problems = []
    for f in dockerfiles:
        text = (ROOT / f).read_text()
        stages = re.split(r"^FROM ", text, flags=re.M)[1:]
        final = stages[-1] if stages else ""
        if not re.search(r"^ARG NODE_IMAGE=node:\d+\.\d+\.\d+-\S+$", text, re.M):
            problems.append(f"{f}: the base image must be pinned by version (ARG NODE_IMAGE=node:X.Y.Z-…)")
        if not re.search(r"^USER (\d+)(:\d+)?$", final, re.M) or re.search(r"^USER 0", final, re.M):
            problems.append(f"{f}: the final stage must run as a numeric non-root USER")
        if re.search(r"npm (ci|install)(?![^\n]*--omit=dev)", final):
            problems.append(f"{f}: the final stage installs packages; install in a build stage with --omit=dev")
        if re.search(r"\b(e2e|workers/stack)/", final) or ("sandboxes" in final and "sandboxes" not in f):
            problems.append(f"{f}: the final stage must not carry e2e, the launchers or the sandboxes")
    return problems


check("Dockerfiles: pinned base, non-root final stage, no test tooling", dockerfile_rules)


def dockerfile_paths() -> list[str]:
    """Every file a Dockerfile copies from the build context, and the script each image runs, exists:
    a moved entry point or package must move its Dockerfile with it."""
    problems = []
    for f in dockerfiles:
        text = (ROOT / f).read_text()
        for line in re.findall(r"^COPY (?!--from)(.+)$", text, re.M):
            for src in line.split()[:-1]:
                if not src.startswith("--") and not (ROOT / src).exists():
                    problems.append(f"{f}: COPY {src}: not in the repository")
        for script in re.findall(r"\"([\w./-]+\.ts)\"", text):
            if not (ROOT / script).is_file():
                problems.append(f"{f}: runs {script}, which does not exist")
    return problems


check("Dockerfiles: what they copy and run exists", dockerfile_paths)


def dockerfile_runtime_dependencies() -> list[str]:
    """An image that runs TypeScript through `node --import tsx` installs only its workspace's
    production tree (`npm ci --omit=dev --workspace X`): tsx must be in it, as a production
    dependency of X or of a workspace X depends on (read from package-lock.json, as npm ci does)."""
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    workspaces = {entry["name"]: path for path, entry in lock.items() if path and "node_modules" not in path and "name" in entry}

    def production_closure(name: str, seen: set[str]) -> set[str]:
        deps = set(lock.get(workspaces.get(name, ""), {}).get("dependencies", {}))
        for dep in deps & set(workspaces) - seen:
            deps |= production_closure(dep, seen | {dep})
        return deps

    problems = []
    for f in dockerfiles:
        text = (ROOT / f).read_text()
        final = re.split(r"^FROM ", text, flags=re.M)[-1]
        if '"--import", "tsx"' not in final:
            continue
        installed = re.findall(r"npm ci --omit=dev[^\n]*--workspace (\S+)", text)
        if not installed:
            problems.append(f"{f}: runs tsx but installs no workspace's production tree")
        for ws in installed:
            if ws not in workspaces:
                problems.append(f"{f}: --workspace {ws}: no such workspace in package-lock.json")
                continue
            closure = production_closure(ws, {ws})
            if "tsx" not in closure:
                problems.append(f"{f}: runs `node --import tsx`, but tsx is not a production dependency of {ws} (add it to {workspaces[ws]}/package.json)")
            # npm links the workspaces it depends on; their sources must be in the image too.
            for dep in sorted(({ws} | closure) & set(workspaces)):
                path = workspaces[dep]
                if not re.search(rf"^COPY {re.escape(path)}/ {re.escape(path)}/$", text, re.M):
                    problems.append(f"{f}: {ws} needs {dep}; copy its sources (COPY {path}/ {path}/)")
    return problems


check("Dockerfiles: each image's production tree holds what it runs with (tsx, its workspaces' sources)", dockerfile_runtime_dependencies)

# --- Shell scripts and YAML ----------------------------------------------------------------------
scripts = [str((DEPLOY / s).relative_to(ROOT)) for s in ("postgres-init.sh", "temporal-schema.sh")] + [".ci/run"]
check(f"shellcheck: {len(scripts)} scripts", lambda: run([str(TOOLS / "bin" / "shellcheck"), *scripts]))
yamls = [DEPLOY / n for n in ("compose.yaml", "temporal-dynamicconfig.yaml", "hadolint.yaml", "yamllint.yaml")] + [CHART / "Chart.yaml", CHART / "values.yaml"]
check(f"yamllint: {len(yamls)} files", lambda: run([sys.executable, "-m", "yamllint", "--strict", "-c", str(DEPLOY / "yamllint.yaml"), *map(str, yamls)], env={"PYTHONPATH": str(TOOLS)}))

# --- Compose -------------------------------------------------------------------------------------
# The Go binary itself (bin/docker-compose is a Python launcher that needs the package on the path).
COMPOSE = [str(TOOLS / "compose" / "docker-compose"), "-f", str(DEPLOY / "compose.yaml")]
EXAMPLE_SECRETS = {"VO_SECRETS_DIR": str(DEPLOY / "env.example")}


def compose_config(*profiles: str) -> dict:
    args = [*COMPOSE, *[a for p in profiles for a in ("--profile", p)], "config", "--format", "json"]
    done = subprocess.run(args, cwd=DEPLOY, env={**os.environ, **EXAMPLE_SECRETS}, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


check("docker compose config (default and demo profiles)", lambda: run([*COMPOSE, "config", "-q"], EXAMPLE_SECRETS, DEPLOY) + run([*COMPOSE, "--profile", "demo", "config", "-q"], EXAMPLE_SECRETS, DEPLOY))


def compose_missing_secrets() -> list[str]:
    with tempfile.TemporaryDirectory() as empty:
        done = subprocess.run([*COMPOSE, "config", "-q"], cwd=DEPLOY, env={**os.environ, "VO_SECRETS_DIR": empty}, capture_output=True, text=True)
    return [] if done.returncode != 0 and "env" in done.stderr.lower() else ["compose config must refuse a deployment whose secrets files are missing"]


check("compose: refuses to start without its secrets files", compose_missing_secrets)


def compose_secrets_isolation() -> list[str]:
    services = compose_config("demo")["services"]
    problems = []
    expected = {"postgres", "temporal-schema", "temporal", "temporal-namespace", "temporal-ui", "migrate", "web", "orchestrator", "sandboxes", *(f"department-{c}" for c in DEPARTMENTS)}
    if set(services) != expected:
        problems.append(f"services: expected {sorted(expected)}, got {sorted(services)}")
    for name, svc in services.items():
        env = svc.get("environment") or {}
        keys = {k for k in env if re.fullmatch(r"VO_DEPT_[A-Z_]+_KEY", k)}
        own = {f"VO_DEPT_{name.removeprefix('department-').upper().replace('-', '_')}_KEY"} if name.startswith("department-") else set()
        if keys != own:
            problems.append(f"{name}: department keys {sorted(keys)}, expected {sorted(own)}")
        if "VO_MIGRATION_DATABASE_URL" in env and name != "migrate":
            problems.append(f"{name}: holds the database owner's URL (only the migrations job may)")
        if name.startswith("department-") and ({"DATABASE_URL", "VO_DATA_KEYS", "VO_LEDGER_SIGNING_KEY", "NEXTAUTH_SECRET"} & set(env)):
            problems.append(f"{name}: a department worker holds the database or the application's keys")
        if name in {"web", "orchestrator", "migrate"} or name.startswith("department-"):
            if not svc.get("read_only") or svc.get("cap_drop") != ["ALL"]:
                problems.append(f"{name}: must run read-only with every capability dropped")
            deps = svc.get("depends_on", {})
            if name != "migrate" and deps.get("migrate", {}).get("condition") != "service_completed_successfully":
                problems.append(f"{name}: must wait for the migrations job to complete successfully")
    if services.get("sandboxes", {}).get("profiles") != ["demo"]:
        problems.append("sandboxes: must run only with the demo profile")
    for name, svc in services.items():
        image = svc.get("image", "")
        if not svc.get("build") and not re.search(r":\d+\.\d+(\.\d+)?(-\S+)?$", image):
            problems.append(f"{name}: image {image!r} is not pinned by version")
    return problems


check("compose: each department's key only in its own worker, the owner only in migrate, images pinned", compose_secrets_isolation)

# --- Helm chart ----------------------------------------------------------------------------------
EXTERNAL = {"temporal": {"enabled": False}, "temporalConnection": {"address": "temporal.example.internal:7233"}}
FULL = {
    "temporal": {"enabled": False},
    "temporalConnection": {"address": "temporal.example.internal:7233", "tlsSecretName": "temporal-client-tls", "apiKeySecretName": "temporal-api-key"},
    "web": {"autoscaling": {"enabled": True}, "extraEnv": {"VO_SESSION_MAX_SECONDS": "28800"}, "ingress": {"enabled": True, "className": "nginx", "tlsSecretName": "visit-once-tls"}, "temporalUiUrl": "https://temporal.example.gov"},
    "orchestrator": {"autoscaling": {"enabled": True}},
    "departments": {"taxation": {"enabled": False}, "health": {"replicas": 3, "concurrency": 5}},
}
VALUE_SETS = {"bundled Temporal (defaults)": None, "existing Temporal": EXTERNAL, "existing Temporal, mTLS, API key, autoscaling, ingress": FULL}


def lint_chart() -> list[str]:
    problems = []
    for label, values in VALUE_SETS.items():
        report = helm.lint(str(CHART), values, kube_version=f"v{KUBERNETES_VERSION}")
        for m in report["messages"]:
            # Without network the official Temporal chart is not in charts/ (`helm dependency build`
            # fetches it); everything else helm lint warns about fails.
            if m["severity"] >= 2 and "missing these dependencies: temporal" not in m["error"]:
                problems.append(f"{label}: {m['path']}: {m['error']}")
        problems += [f"{label}: {e}" for e in report["errors"]]
    return problems


check("helm lint (three value sets)", lint_chart)


def render(values: dict | None) -> list[dict]:
    with helm.Chart.load(str(CHART)) as chart:
        manifests = chart.render(values, name="vo", namespace="visit-once", is_install=True)
    return [d for path, text in manifests.items() if path.endswith(".yaml") for d in yaml.safe_load_all(text) if d]


def pod_specs(docs: list[dict]) -> list[tuple[str, dict]]:
    out = []
    for d in docs:
        spec = d.get("spec", {})
        pod = spec if d["kind"] == "Pod" else spec.get("template", {}).get("spec")
        if pod is not None:
            out.append((f"{d['kind']}/{d['metadata']['name']}", pod))
    return out


def chart_manifests() -> list[str]:
    problems = []
    for label, values in VALUE_SETS.items():
        docs = [d for d in render(values) if d["metadata"].get("labels", {}).get("app.kubernetes.io/name") == "visit-once"]
        if not docs:
            problems.append(f"{label}: rendered nothing")
        for d in docs:
            try:
                kubernetes_validate.validate(d, KUBERNETES_VERSION, strict=True)
            except Exception as e:
                problems.append(f"{label}: {d['kind']}/{d['metadata']['name']}: {str(e).splitlines()[0]}")
            if d["kind"] == "Secret":
                problems.append(f"{label}: the chart must reference Secrets, not write one ({d['metadata']['name']})")
        for name, pod in pod_specs(docs):
            if pod.get("securityContext", {}).get("runAsNonRoot") is not True:
                problems.append(f"{label}: {name}: runAsNonRoot is not set")
            if pod.get("automountServiceAccountToken") is not False:
                problems.append(f"{label}: {name}: mounts a service account token it does not need")
            for c in pod["containers"]:
                sc = c.get("securityContext", {})
                if sc.get("readOnlyRootFilesystem") is not True or sc.get("allowPrivilegeEscalation") is not False:
                    problems.append(f"{label}: {name}/{c['name']}: needs readOnlyRootFilesystem and no privilege escalation")
                if "memory" not in c.get("resources", {}).get("limits", {}):
                    problems.append(f"{label}: {name}/{c['name']}: no memory limit")
                env = {e["name"] for e in c.get("env", [])}
                keys = {e for e in env if re.fullmatch(r"VO_DEPT_[A-Z_]+_KEY", e)}
                own = {f"VO_DEPT_{c.get('args', [''])[0].upper().replace('-', '_')}_KEY"} if "-dept-" in name else set()
                if keys != own:
                    problems.append(f"{label}: {name}: department keys {sorted(keys)}, expected {sorted(own)}")
                secrets = {s["secretRef"]["name"] for s in c.get("envFrom", [])}
                if "visit-once-migrate" in secrets and not name.endswith("-migrate"):
                    problems.append(f"{label}: {name}: holds the database owner's secret")
        web = next((p for n, p in pod_specs(docs) if n == "Deployment/vo-visit-once-web"), None)
        if not web or not all(k in web["containers"][0] for k in ("startupProbe", "livenessProbe", "readinessProbe")):
            problems.append(f"{label}: the web needs startup, liveness and readiness probes")
        job = next((d for d in docs if d["kind"] == "Job"), None)
        if not job or "pre-upgrade" not in job["metadata"].get("annotations", {}).get("helm.sh/hook", ""):
            problems.append(f"{label}: the migrations job must be a pre-upgrade hook")
    full = render(FULL)
    if sum(d["kind"] == "HorizontalPodAutoscaler" for d in full) != 2:
        problems.append("autoscaling enabled: expected 2 HorizontalPodAutoscalers")
    ingress = next((d for d in full if d["kind"] == "Ingress"), None)
    if not ingress or ingress["spec"]["rules"][0]["host"] != "visit-once.example.gov":
        problems.append("ingress enabled: expected an Ingress for publicUrl's host")
    if any(d["metadata"]["name"] == "vo-visit-once-dept-taxation" for d in full):
        problems.append("a disabled department still has a Deployment")
    return problems


check(f"helm template: every manifest valid for Kubernetes {KUBERNETES_VERSION}, non-root, read-only, keys where they belong", chart_manifests)


def chart_refuses_no_temporal() -> list[str]:
    try:
        render({"temporal": {"enabled": False}})
    except Exception as e:
        return [] if "temporalConnection.address is required" in str(e) else [f"unexpected error: {e}"]
    return ["rendering with temporal.enabled=false and no temporalConnection.address must fail"]


check("helm template: refuses an external Temporal without its address", chart_refuses_no_temporal)


def chart_schema_refuses() -> list[str]:
    """values.schema.json refuses values that would render a broken deployment."""
    problems = []
    for label, values in {
        "a department's replicas as words": {"departments": {"health": {"replicas": "two"}}},
        "an unknown department": {"departments": {"education": {"enabled": True, "replicas": 1, "url": "https://e.example", "keySecret": "e"}}},
        "a department without its key's Secret": {"departments": {"taxation": {"keySecret": ""}}},
        "a public URL with a path": {"web": {"publicUrl": "https://visit-once.example.gov/app"}},
    }.items():
        try:
            render({**EXTERNAL, **values})
            problems.append(f"accepted {label}")
        except Exception as e:
            if "schema" not in str(e).lower():
                problems.append(f"{label}: refused, but not by the schema: {str(e).splitlines()[0]}")
    return problems


check("helm values schema: refuses impossible values", chart_schema_refuses)

passed = sum(ok for _, ok in results)
print(f"\ndeploy: {passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
