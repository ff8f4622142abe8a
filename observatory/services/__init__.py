"""Everything in the observatory that writes or decides, one module per sub-domain."""
