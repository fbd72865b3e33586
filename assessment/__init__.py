"""ITSM maturity assessments: packs and engagements in, scores and deliverables out."""

__version__ = "0.1.0"
