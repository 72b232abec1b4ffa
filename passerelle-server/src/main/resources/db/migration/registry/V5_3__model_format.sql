-- Models are now written with their format first ("format=1", issue 23) and named by the hash of that text; those kept
-- before cannot be read back under their names. The matching worker estimates a book's model again on its first round.
DELETE FROM registry_model WHERE parameters NOT LIKE 'format=%';
