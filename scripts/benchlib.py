"""What the benchmark scripts share: where things are, building minilisp,
timing one whole process, installing a peer to compare against."""
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MINILISP = os.path.join(ROOT, "target/release/minilisp")


def build_minilisp():
    """Builds the release binary (a no-op when it is up to date)."""
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)


def wall(cmd, env):
    """Seconds one run of `cmd` takes, start to exit; exits on failure."""
    t = time.perf_counter()
    r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{r.stderr.decode()[:500]}")
    return dt


def ensure(tool, package):
    """True if `tool` is on PATH, installing Debian's `package` if needed."""
    if shutil.which(tool):
        return True
    subprocess.run(["apt-get", "install", "-y", package], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which(tool) is not None
