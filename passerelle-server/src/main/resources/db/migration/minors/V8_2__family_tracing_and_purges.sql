-- Families' tracing requests filed in Morocco (they stay on Morocco's node until a person confirms a match), and
-- whether a minor's family was traced.
CREATE TABLE minors_tracing_request (
    id              VARCHAR(100)  PRIMARY KEY,
    reference       VARCHAR(20)   NOT NULL,
    child_names     VARCHAR(1600) NOT NULL,
    sex             VARCHAR(1)    NOT NULL,
    birth_date      VARCHAR(10),
    birth_place     VARCHAR(200),
    father_name     VARCHAR(120),
    mother_name     VARCHAR(120),
    filed_by        VARCHAR(200)  NOT NULL,
    filed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    matched_case_id VARCHAR(100),
    confirmed_by    VARCHAR(120),
    confirmed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX minors_tracing_by_filing ON minors_tracing_request (filed_at);
ALTER TABLE minors_case ADD COLUMN traced BOOLEAN DEFAULT FALSE NOT NULL;

-- Cases a party's retention purged (nothing personal: the reference, the rule, the day), for the data-protection officer.
CREATE TABLE minors_purge (
    case_id    VARCHAR(100) PRIMARY KEY,
    reference  VARCHAR(20)  NOT NULL,
    rule       VARCHAR(20)  NOT NULL,
    due_on     DATE         NOT NULL,
    notice_id  VARCHAR(100) NOT NULL,
    purged_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
