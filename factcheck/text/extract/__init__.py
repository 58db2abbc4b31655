"""Extraction: sentences, numbers, quantities, dates, claims, who said them and what they are about."""
