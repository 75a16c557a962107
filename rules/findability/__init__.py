"""Findability (TE1, TA1): can people get to the knowledge?"""
