"""The PySide6 window: thin widgets over the Qt-free core."""
