"""Starting and stopping one novasim serve process on a free port."""

import os
import secrets
import shlex
import subprocess
import tempfile
import time
from pathlib import Path

from pytest_novasim.control import Control

DEMO = {"username": "demo", "password": "secret", "project_name": "demo",
        "user_domain_name": "Default", "project_domain_name": "Default"}


def find_command(jar=None, start=None):
    """How to run novasim: NOVASIM_COMMAND, else java -jar with the jar given, NOVASIM_JAR, or the repository's."""
    if os.environ.get("NOVASIM_COMMAND"):
        return shlex.split(os.environ["NOVASIM_COMMAND"])
    jar = jar or os.environ.get("NOVASIM_JAR")
    if not jar:
        here = Path(start or os.getcwd()).resolve()
        for folder in [here] + list(here.parents):
            built = folder / "simulator-cli" / "target" / "novasim.jar"
            if built.is_file():
                jar = str(built)
                break
    if not jar:
        raise RuntimeError("novasim's jar was not found: build it (mvn install), or set NOVASIM_JAR, "
                           "--novasim-jar, or NOVASIM_COMMAND")
    return ["java", "-jar", jar]


class NovaSim:
    """A running simulator: its URLs, its control plane, and connections of the demo user."""

    def __init__(self, command, seed=1, clock="client", extra=(), ready_within=90):
        self._folder = tempfile.TemporaryDirectory(prefix="novasim-")
        port_file = Path(self._folder.name) / "port"
        self.control_token = secrets.token_hex(16)
        self._log = open(Path(self._folder.name) / "serve.log", "w")
        self._process = subprocess.Popen(
            list(command) + ["serve", "--port", "0", "--port-file", str(port_file), "--seed", str(seed),
                             "--clock", clock, "--control-token", self.control_token] + list(extra),
            stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + ready_within
        while not port_file.exists():
            if self._process.poll() is not None or time.monotonic() > deadline:
                printed = self.output()
                self.close()
                raise RuntimeError("novasim did not start; its output:\n" + printed)
            time.sleep(0.05)
        self.port = int(port_file.read_text().strip())
        self.base_url = "http://127.0.0.1:%d" % self.port
        self.auth_url = self.base_url + "/identity/v3"
        self.control = Control(self.base_url, self.control_token)

    def output(self):
        """What the serve process printed so far."""
        self._log.flush()
        return (Path(self._folder.name) / "serve.log").read_text()

    def connection(self, **credentials):
        """An openstacksdk connection, as the demo user unless told otherwise (username=, password=, ...)."""
        import openstack
        auth = dict(DEMO, auth_url=self.auth_url)
        auth.update(credentials)
        return openstack.connect(region_name="RegionOne", identity_api_version="3", **auth)

    def close(self):
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._log.close()
        self._folder.cleanup()
