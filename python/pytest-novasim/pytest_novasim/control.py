"""The simulator's control plane under /__sim/v1, as Python calls: the clock, faults, snapshots, the journal."""

import json
import urllib.error
import urllib.request


class ControlError(Exception):
    """The control plane refused a call: its status and the message it gave (the field and the values it takes)."""

    def __init__(self, status, message):
        super().__init__("%d: %s" % (status, message))
        self.status = status
        self.message = message


class Control:
    """A client of the control plane, with the control token (an admin's)."""

    def __init__(self, base_url, token):
        self._base = base_url.rstrip("/") + "/__sim/v1"
        self._token = token

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self._base + path, data=data, method=method)
        request.add_header("X-Auth-Token", self._token)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                text = answer.read().decode("utf-8")
        except urllib.error.HTTPError as refused:
            text = refused.read().decode("utf-8")
            try:
                fault = next(iter(json.loads(text).values()))
                message = fault.get("message", text)
            except (ValueError, StopIteration, AttributeError):
                message = text
            raise ControlError(refused.code, message) from None
        return json.loads(text) if text else None

    # the clock
    def now(self):
        """Virtual time now, as ISO-8601 text."""
        return self._call("GET", "/clock")["now"]

    def advance(self, seconds):
        """Moves virtual time on; the work that falls due on the way completes."""
        return self._call("POST", "/clock/advance", {"seconds": seconds})

    def run_until_idle(self):
        """Moves virtual time on until no work is left (work a fault holds stays held)."""
        return self._call("POST", "/clock/run-until-idle", {})

    def clock(self, mode, **settings):
        """Changes how virtual time moves: clock("client", step=1), clock("wall", speed=10), clock("manual")."""
        return self._call("PATCH", "/settings", {"clock": dict(settings, mode=mode)})["clock"]

    # faults
    def add_fault(self, rule):
        """Adds a fault rule, in the rule language of the README ({"match": ..., "effect": ..., "trigger": ...})."""
        return self._call("POST", "/faults", rule)

    def remove_fault(self, rule_id):
        self._call("DELETE", "/faults/" + rule_id)

    def faults(self):
        return self._call("GET", "/faults")["rules"]

    def fired_faults(self):
        return self._call("GET", "/faults/fired")["fired"]

    # the world
    def reset(self):
        """Back to the starting world: no servers, no rules, an empty journal, the starting clock mode."""
        return self._call("POST", "/reset", {})

    def state(self):
        return self._call("GET", "/state")

    def snapshot(self):
        return self._call("GET", "/snapshot")

    def restore(self, snapshot):
        return self._call("POST", "/restore", snapshot)

    def requests(self):
        """The request journal, oldest first: method, path, status, headers (tokens redacted), virtual_time..."""
        return self._call("GET", "/requests")["requests"]

    def settings(self):
        return self._call("GET", "/settings")
