-- Module readmission: a view of each case, recomputed from its thread whenever an envelope of the case is stored
-- (the thread is the truth; this table makes lists, clocks and statistics fast), and what stays on one node.
CREATE TABLE readmission_request (
    case_id              VARCHAR(100) PRIMARY KEY,
    reference            VARCHAR(20)  NOT NULL,
    requester            VARCHAR(2)   NOT NULL,
    responder            VARCHAR(2)   NOT NULL,
    prefecture           VARCHAR(8),
    consulate            VARCHAR(40),
    display_name         VARCHAR(120),
    birth_date           VARCHAR(10),
    status               VARCHAR(32)  NOT NULL,
    waiting_on           VARCHAR(2),
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    due_on               DATE         NOT NULL,
    first_reply_at       TIMESTAMP WITH TIME ZONE,
    answered_at          TIMESTAMP WITH TIME ZONE,
    answer               VARCHAR(32),
    detention_start      DATE,
    detention_end        DATE,
    first_lpc_at         TIMESTAMP WITH TIME ZONE,
    first_lpc_on         DATE,
    lpc_number           VARCHAR(40),
    lpc_valid_until      DATE,
    lpc_revoked          BOOLEAN      NOT NULL,
    flight_date          DATE,
    outcome_date         DATE,
    failure_reason       VARCHAR(40),
    closed_at            TIMESTAMP WITH TIME ZONE,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX readmission_request_opened ON readmission_request (opened_at);
CREATE INDEX readmission_request_prefecture ON readmission_request (prefecture, opened_at);
CREATE INDEX readmission_request_consulate ON readmission_request (consulate, opened_at);
CREATE INDEX readmission_request_status ON readmission_request (status, due_at);
CREATE INDEX readmission_request_detention ON readmission_request (detention_end);
CREATE INDEX readmission_request_lpc ON readmission_request (lpc_number);
CREATE INDEX readmission_request_waiting ON readmission_request (waiting_on, opened_at);

-- France only: the person's asylum status, which never leaves the node (the agreement forbids sending the asylum file).
CREATE TABLE readmission_asylum (
    case_id      VARCHAR(100) PRIMARY KEY,
    status       VARCHAR(20)  NOT NULL,
    decided_on   DATE,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL
);

-- Morocco only: a request's registry candidates as the engine scored them, and with which model.
CREATE TABLE readmission_candidates (
    case_id      VARCHAR(100) PRIMARY KEY,
    model_hash   VARCHAR(64)  NOT NULL,
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    candidates   VARCHAR(200000) NOT NULL
);
