-- Module coordination: the joint group's meetings and their decisions' action items, each a view recomputed from the
-- meeting's thread whenever an envelope of it is stored (the thread is the truth; these rows make lists fast).
CREATE TABLE coordination_meeting (
    case_id        VARCHAR(100) PRIMARY KEY,
    meeting_type   VARCHAR(20)  NOT NULL,
    title          VARCHAR(300) NOT NULL,
    meeting_date   DATE         NOT NULL,
    place          VARCHAR(300) NOT NULL,
    called_by      VARCHAR(8)   NOT NULL,
    status         VARCHAR(40)  NOT NULL,
    decisions      INTEGER      NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coordination_meeting_by_date ON coordination_meeting (meeting_date);

CREATE TABLE coordination_action_item (
    decision_id    VARCHAR(100)  PRIMARY KEY,
    case_id        VARCHAR(100)  NOT NULL,
    meeting_title  VARCHAR(300)  NOT NULL,
    meeting_date   DATE          NOT NULL,
    decision_text  VARCHAR(4000) NOT NULL,
    owner_party    VARCHAR(8)    NOT NULL,
    office         VARCHAR(300)  NOT NULL,
    due_on         DATE          NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    last_note      VARCHAR(4000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coordination_action_by_case ON coordination_action_item (case_id);
CREATE INDEX coordination_action_by_due ON coordination_action_item (status, due_on);
