"""Read queries of the observatory shared by pages, downloads and the API, one module per sub-domain."""
