"""Maintenance (TE6, TA5): is the knowledge still true?"""
