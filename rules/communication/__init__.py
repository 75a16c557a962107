"""Communication (CO3): are the words and abbreviations explicit?"""
