"""The Qt-free core: loading, segmenting, comparing, sessions and reports (no Qt, ever)."""
