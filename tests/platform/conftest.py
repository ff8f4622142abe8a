# The cache is emptied before every test by tests/conftest.py (allauth's rate limits live there).
