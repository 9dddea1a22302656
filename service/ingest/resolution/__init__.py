"""The resolution stage: an article's local entities matched to entities across the corpus
(the decisions pure in ``resolve``, the lookups in the database in ``store``)."""
