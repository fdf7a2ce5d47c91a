"""Benchmarks (``make bench``): speed and cost targets are measured here, never asserted in tests."""
