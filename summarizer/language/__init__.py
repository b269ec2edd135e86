"""The Vietnamese of local-government news, in one place: the vocabulary the rule backend, grounding
and the scorer read, as tables (data) with the predicates that read them.

| module | what it knows |
|---|---|
| ``levels`` | administrative levels (``tỉnh``, ``thành phố``, ``xã`` …) and their abbreviations (``TP.``, ``H.``) |
| ``bodies`` | councils (HĐND, UBND) in every spelling, Party committees, standing parts, words of a body's name |
| ``places`` | where a place name ends, words that never open one, venues |
| ``posts`` | position heads of titles, complete and bare heads, appointment and election |
| ``names`` | family names, the shape of a name syllable, address words, degrees and ranks |
| ``abbreviations`` | abbreviations and their written-out forms, for the rules and the scorer alike |
| ``numerals`` | Arabic, Roman and word numerals and ordinals, read and written |
| ``calendar`` | date words: times of day, date cues, weekdays, deadlines, date labels |
| ``dates`` | reading dates from text: day, month and year forms, spans, years resolved from the article |
| ``gatherings`` | gathering words by kind, plans, chairing, session types, khóa and nhiệm kỳ, resolutions |
| ``directing`` | directing verbs, subject adverbs and connectives, addressee grammar |
| ``function_words`` | conjunctions, plural determiners, prepositions |
| ``tables``, ``patterns`` | how tables are written, and patterns built from them |

Every table is in folded form (``summarizer.text.normalize.fold``) unless it says it is as written.
"""
