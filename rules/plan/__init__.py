"""Plan (the guide's material categories and mix of formats): what kind of knowledge is it?"""
