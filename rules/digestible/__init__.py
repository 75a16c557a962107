"""Digestible knowledge (TE5, TA2, TE3, TE7): can people take it in?"""
