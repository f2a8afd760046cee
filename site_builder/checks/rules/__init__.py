"""One module per rule; each defines `RULE`. See `checks/base.py` for the shapes."""
