"""The local web app (`cec-checklist serve`): cases, claims form, documents, check and report in the browser.

Public API: `create_app(WebSettings(...))`, a Starlette application. The
page only ever listens on 127.0.0.1 unless the user asks otherwise.
"""

from __future__ import annotations

from checklist.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
