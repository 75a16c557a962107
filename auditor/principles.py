"""The guide's numbered principles (see the guide "Wegwijzer voor leermarkt - kennisdeling
anno 2023"), shortened, so a report can say what a rule's principle id stands for."""

PRINCIPLES: dict[str, str] = {
    "PL1": "Knowledge sharing is not an end in itself.",
    "PL3": "Reflect, choose and prioritise what to capture.",
    "PL5": "Work with knowledge ambassadors who guard quality.",
    "PE6": "Creating, sharing and maintaining knowledge belong in the job profile.",
    "CO3": "Make concepts, words, abbreviations and processes explicit.",
    "TE1": "Think about your structure first, and attach knowledge to it logically.",
    "TE2": "Build the structure around use: frequent versus occasional.",
    "TE3": "Keep an internal knowledge base; don't look for everything outside.",
    "TE4": "Balance the time it takes to make something against how often it is used.",
    "TE5": "Offer knowledge in small, digestible pieces at the right moment.",
    "TE6": "MAINTAIN your knowledge.",
    "TE7": "Tell data-driven solutions (transactions) apart from knowledge.",
    "TA1": "Make sure people can find information very easily and quickly.",
    "TA2": "Help people with structure: key messages, conclusions.",
    "TA3": "One size does not fit all: offer a mix of formats.",
    "TA4": "Don't keep all information: 80% is no longer used after a year.",
    "TA5": "People who get an outdated answer twice don't come back a third time.",
}
