"""The demo class: a realistic class a new user can explore at once (``python -m app demo``)."""

from app.demo.builder import DEMO_PASSWORD, DEMO_PIN, DEMO_USERNAME, DemoInfo, create_demo

__all__ = ["DEMO_PASSWORD", "DEMO_PIN", "DEMO_USERNAME", "DemoInfo", "create_demo"]
