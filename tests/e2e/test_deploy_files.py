"""The example deployment files: the shared configuration passes `rampart config validate`, and the
Kubernetes and compose files parse and point their probes and mounts at what Rampart serves."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from rampart_proc import rampart_bin, rampart_env

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_the_shared_configuration_is_valid():
    env = {**rampart_env(), "RAMPART_STORE_URL": "postgres://rampart:secret@postgres:5432/rampart?sslmode=disable",
           "RAMPART_ADMIN_TOKEN": "admin-token-for-validation", "APP1_KEY": "app1-key-for-validation", "OPENAI_API_KEY": "sk-test"}
    result = subprocess.run([str(rampart_bin()), "config", "validate", str(DEPLOY / "rampart.yaml")],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_kubernetes_and_compose_files_fit_the_server():
    documents = list(yaml.safe_load_all((DEPLOY / "kubernetes" / "rampart.yaml").read_text()))
    assert [d["kind"] for d in documents] == ["Deployment", "Service", "PodDisruptionBudget"]
    container = documents[0]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz" and container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert documents[0]["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] > 600, "longer than the default deadline"
    assert {m["mountPath"] for m in container["volumeMounts"]} == {"/etc/rampart", "/var/lib/rampart"}
    config = yaml.safe_load((DEPLOY / "rampart.yaml").read_text())
    assert config["server"]["state_dir"] == "/var/lib/rampart" and config["server"]["port"] == container["ports"][0]["containerPort"]
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    assert {"postgres", "rampart-1", "rampart-2", "balancer"} <= set(compose["services"])
    assert "rampart-1:8080" in (DEPLOY / "nginx.conf").read_text()
