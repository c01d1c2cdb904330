"""Helpers for the end-to-end tests in ``tests/test_browser.py``: a JupyterLab server, a notebook page, an explorer."""
