"""compare-app: claim-level comparison of two source documents."""

__version__ = "0.1.0"
