"""Figures: numbers as reported, with what they measure, of whom, on whose word, when."""

from service.ingest.figures.stage import find_figures

__all__ = ["find_figures"]
