"""Pure annotation of statements: topics from the taxonomy (data), countries mentioned, sentiment, forward-looking."""
