"""Event coding: which ACLED sub-event type (if any) a sentence reports.

`taxonomy` holds the codebook; `classify` decides per sentence; `trainset` writes the examples the
classifier learns from.
"""
