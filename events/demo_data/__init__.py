"""Structured data of the demo event, the San José Dialogue 2024, kept in the repository."""
