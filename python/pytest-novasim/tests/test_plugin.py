"""The plugin as a pytest user meets it: fixtures, a fresh world per test, faults, the clock and the journal."""

import openstack.exceptions
import pytest

from pytest_novasim import ControlError

IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b"


def boot(conn, name="web"):
    return conn.compute.create_server(name=name, image_id=IMAGE, flavor_id="1",
                                      networks=[{"uuid": "3cb9bc59-5699-4588-a4b1-b87f96708bc6"}])


def test_openstacksdk_own_wait_ends_at_its_first_poll(novasim_conn, novasim_control):
    server = boot(novasim_conn)
    active = novasim_conn.compute.wait_for_server(server, wait=10)
    assert active.status == "ACTIVE"
    gets = [r for r in novasim_control.requests() if r["method"] == "GET" and r["path"].endswith(server.id)]
    assert len(gets) == 1, "one poll: openstacksdk never slept"


def test_each_test_starts_from_the_starting_world(novasim_conn, novasim_control):
    assert list(novasim_conn.compute.servers()) == []
    assert novasim_control.requests()[0]["sequence"] == 1
    assert novasim_control.settings()["clock"]["mode"] == "client"


def test_a_fault_rule_fails_the_next_create_then_lets_it_through(novasim_conn, novasim_control):
    novasim_control.add_fault({"id": "busy", "match": {"operations": ["create"]},
                               "effect": {"type": "error", "code": 503, "message": "try later", "retry_after": 2},
                               "trigger": {"times": 1}})
    with pytest.raises(openstack.exceptions.HttpException) as refused:
        boot(novasim_conn)
    assert refused.value.status_code == 503
    assert boot(novasim_conn, "again").name == "again"
    assert [f["rule_id"] for f in novasim_control.fired_faults()] == ["busy"]


def test_the_journal_keeps_headers_with_the_token_redacted(novasim_conn, novasim_control):
    list(novasim_conn.compute.flavors())
    sent = novasim_control.requests()[-1]
    assert sent["headers"]["X-Auth-Token"].startswith("{SHA256}")


def test_a_snapshot_restores_the_same_world(novasim_conn, novasim_control):
    server = boot(novasim_conn)
    novasim_control.run_until_idle()
    taken = novasim_control.snapshot()
    novasim_conn.compute.delete_server(server)
    assert list(novasim_conn.compute.servers()) == []
    novasim_control.restore(taken)
    assert [s.name for s in novasim_conn.compute.servers()] == ["web"]


def test_a_bad_rule_is_refused_naming_the_field(novasim_control):
    with pytest.raises(ControlError) as refused:
        novasim_control.add_fault({"match": {"operation": ["create"]}, "effect": {"type": "error"}})
    assert refused.value.status == 400
    assert "unknown key 'operation'" in refused.value.message


def test_the_clock_mode_changes_while_running(novasim_control):
    assert novasim_control.clock("manual") == {"mode": "manual"}
    with pytest.raises(ControlError) as refused:
        novasim_control.clock("fast")
    assert "clock.mode must be one of manual, wall, client" in refused.value.message
