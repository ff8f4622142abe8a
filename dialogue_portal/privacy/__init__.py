"""Privacy rights of a signed-in person across every app: download all their data (`export`), erase their
account (`erase`), and the account pages that offer both (`views`). It spans the apps, so it lives in the
project, which may read them all."""
