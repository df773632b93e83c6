"""Evidence coding: the versioned taxonomy, tags anchored in the words, events, search, reports."""
