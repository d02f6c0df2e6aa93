"""people_t2fr.py"""
from evalkit import t2, tune2, pos, group  # noqa: F401
