-- Module intel: who on this node works on a case (need to know within a role). A case with no member yet has
-- just arrived from the other party and waits for someone to take it; every analyst sees it until then.
CREATE TABLE intel_case_member (
    case_type  VARCHAR(40)  NOT NULL,
    case_key   VARCHAR(100) NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    added_by   VARCHAR(64)  NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_type, case_key, username)
);
