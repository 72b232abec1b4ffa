-- Module intel: a request's reference is now IR- and the last eight characters of its case id (random in a
-- UUIDv7) instead of the first (its time); rows written before get the new reference at once rather than at their
-- request's next envelope.
UPDATE intel_information_request SET reference = 'IR-' || UPPER(RIGHT(REPLACE(case_id, '-', ''), 8));
