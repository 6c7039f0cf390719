"""Saathi: a self-hosted fitness journal for people who train together."""

__version__ = "0.1.0"
