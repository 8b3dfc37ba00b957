-- An article's tags are answered sorted by name (the order the public RealWorld API suites
-- expect), so the client's order is no longer kept.
ALTER TABLE article_tags DROP COLUMN position;
