"""`ghostdesk serve` as `make run` starts it: a banner that says where things are, a clean Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.shared_data import REPO


def test_serve_prints_the_banner_and_stops_cleanly_on_ctrl_c(tmp_path: Path):
    env = {
        **os.environ,
        "GHOSTDESK_SMTP_PORT": "0",
        "GHOSTDESK_HTTP_PORT": "0",
        "GHOSTDESK_DATA_DIR": str(tmp_path),
        "GHOSTDESK_AGENT_TOKEN": "cli-test-token",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "ghostdesk.cli", "serve"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        banner = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stdout.readline() if process.stdout else ""
            if not line and process.poll() is not None:
                break
            banner.append(line)
            if "make demo" in line:
                break
        running = (tmp_path / "stack.json").is_file()
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    text = "".join(banner)
    assert "smtp://127.0.0.1:" in text
    assert "cli-test-token" in text
    assert str(tmp_path / "outbox") in text
    assert "demo/orders.json" in text
    assert running
    assert process.returncode == 0, err
    assert "stopped." in err
    assert not (tmp_path / "stack.json").exists()
