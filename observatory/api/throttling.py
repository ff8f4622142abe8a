"""Rate limits of the open data API: per client address, counted in the default cache."""

from rest_framework.throttling import SimpleRateThrottle


class OpenDataThrottle(SimpleRateThrottle):
    """`DEFAULT_THROTTLE_RATES["open_data"]` requests per client address (settings: DIALOGUE_API_RATE)."""

    scope = "open_data"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
