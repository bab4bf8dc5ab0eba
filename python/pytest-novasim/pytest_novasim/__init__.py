"""pytest fixtures for novasim: a simulator on a free port, an openstacksdk connection, and its control plane."""

from pytest_novasim.control import Control, ControlError
from pytest_novasim.server import NovaSim

__all__ = ["Control", "ControlError", "NovaSim"]
