"""The pytest plugin: fixtures novasim_server (one simulator per session), novasim (reset before each test),
novasim_control and novasim_conn (an openstacksdk connection of the demo user)."""

import pytest

from pytest_novasim.server import NovaSim, find_command


def pytest_addoption(parser):
    group = parser.getgroup("novasim")
    group.addoption("--novasim-jar", help="novasim's jar (default: NOVASIM_JAR, or simulator-cli/target/novasim.jar "
                                          "above the working directory)")
    group.addoption("--novasim-seed", type=int, default=1, help="the simulator's seed (default 1)")
    group.addoption("--novasim-clock", default="client", choices=["client", "manual", "wall"],
                    help="how virtual time moves (default client: with the client's requests, so wait loops end "
                         "deterministically)")


@pytest.fixture(scope="session")
def novasim_server(request):
    """One simulator for the session, on a free port, stopped at its end."""
    config = request.config
    sim = NovaSim(find_command(config.getoption("--novasim-jar"), config.rootpath),
                  seed=config.getoption("--novasim-seed"), clock=config.getoption("--novasim-clock"))
    yield sim
    sim.close()


@pytest.fixture
def novasim(novasim_server):
    """The session's simulator, reset to its starting world before the test."""
    novasim_server.control.reset()
    return novasim_server


@pytest.fixture
def novasim_control(novasim):
    """The control plane of a freshly reset simulator: clock, faults, snapshots, the journal."""
    return novasim.control


@pytest.fixture
def novasim_conn(novasim):
    """An openstacksdk connection of the demo user to a freshly reset simulator."""
    conn = novasim.connection()
    yield conn
    conn.close()
