-- The books the minors' family tracing looks through: children reported with consent, families' tracing requests.
INSERT INTO registry_book (book) VALUES ('reported-minors');
INSERT INTO registry_book (book) VALUES ('tracing-requests');
