-- One row per book, locked by every transaction that writes persons to the book until it commits: rows then take their
-- seq in the order they commit, so an index that caught up to a seq never misses an earlier row committed later.
CREATE TABLE registry_book (
    book  VARCHAR(20) PRIMARY KEY
);
INSERT INTO registry_book (book) VALUES ('civil-registry');
INSERT INTO registry_book (book) VALUES ('requested-persons');
