"""The statistical NLP foundation: tokens, tags, parse, sentences and names from a model
whose files are checked against the hashes recorded here before it is loaded."""
