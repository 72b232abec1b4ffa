-- Module intel: a view of each information request, recomputed from its thread whenever an envelope of the
-- case is stored. The thread is the truth; this table only makes lists and overdue searches fast.
CREATE TABLE intel_information_request (
    case_id        VARCHAR(100) PRIMARY KEY,
    reference      VARCHAR(20)  NOT NULL,
    requester      VARCHAR(2)   NOT NULL,
    responder      VARCHAR(2)   NOT NULL,
    subject        VARCHAR(200),
    urgency        VARCHAR(20)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    handling_code  VARCHAR(2)   NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX intel_information_request_due ON intel_information_request (status, due_at);
