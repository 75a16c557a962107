"""Use and structure (TA4, TA5, TE2, TE4): is the knowledge read, and where readers look?"""
