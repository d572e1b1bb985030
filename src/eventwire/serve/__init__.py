"""Serving: the JSON API and the offline dashboard (`eventwire serve`)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
