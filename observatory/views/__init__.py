"""The observatory's views: public pages, downloads, the focal points' updates, the back office."""
