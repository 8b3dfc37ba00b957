-- Every list row showed its tags and favorites count through two correlated subqueries per
-- article (a sorted join of article_tags and tags, a count of favorites): most of a list's cost
-- in the database. Both now live on the article, written in the same statement or transaction
-- as what they summarise: tag_list with the article (article_tags stays, for the tag filter and
-- the tag cloud), favorites_count with each favorite added or removed.
ALTER TABLE articles
    ADD COLUMN tag_list        text[] NOT NULL DEFAULT '{}',
    ADD COLUMN favorites_count bigint NOT NULL DEFAULT 0 CHECK (favorites_count >= 0);

-- Tags are sorted in code point order whatever the database's collation, as the API answers them.
UPDATE articles a SET
    tag_list = ARRAY(SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                     WHERE at.article_id = a.id ORDER BY t.name COLLATE "C"),
    favorites_count = (SELECT count(*) FROM favorites f WHERE f.article_id = a.id);
