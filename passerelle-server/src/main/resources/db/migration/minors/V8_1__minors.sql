-- Module minors: one row per minor's case, recomputed from its thread whenever an envelope of it is stored (the thread
-- is the truth; this row makes lists, centres' occupancy and figures fast).
CREATE TABLE minors_case (
    case_id           VARCHAR(100) PRIMARY KEY,
    reference         VARCHAR(20)  NOT NULL,
    requester         VARCHAR(8)   NOT NULL,
    responder         VARCHAR(8)   NOT NULL,
    display_name      VARCHAR(120) NOT NULL,
    birth_date        VARCHAR(10),
    status            VARCHAR(40)  NOT NULL,
    identified        BOOLEAN      NOT NULL,
    decision          VARCHAR(40),
    centre            VARCHAR(40),
    returned_on       DATE,
    visits_on_time    INTEGER      NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX minors_case_by_opening ON minors_case (opened_at);
CREATE INDEX minors_case_by_centre ON minors_case (centre);
