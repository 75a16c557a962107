"""Ownership (PL5, PE6, TE6): is someone, still here, looking after the knowledge?"""
