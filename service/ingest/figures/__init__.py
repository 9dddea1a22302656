"""Figures: numbers as reported, with what they measure, of whom, on whose word, when."""

from service.ingest.figures.stage import find_figures
from service.ingest.figures.subjects import forms_fact

__all__ = ["find_figures", "forms_fact"]
