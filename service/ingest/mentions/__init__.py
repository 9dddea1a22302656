"""The mentions stage: names found in a body, checked against the recogniser, typed and
grouped into the article's local entities (word lists, transliteration keys, places)."""
